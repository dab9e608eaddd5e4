public import Foundation

/// Whether the audited access was allowed or denied.
public enum AuditOutcome: String, Sendable, Codable, CaseIterable {
    case allowed, denied

    /// The outcome of an access decision.
    public init(_ decision: AccessDecision) {
        self = decision.isAllowed ? .allowed : .denied
    }
}

/// One audited read or write of patient data (allowed or denied). Times are UTC and held to whole
/// microseconds, so that the value stored in SQLite or PostgreSQL and read back hashes identically.
public struct AuditEvent: Hashable, Sendable, Codable {
    /// Position in the chain, starting at 1, without gaps.
    public let sequence: Int64
    public let actorID: UserID
    public let actorRole: Role
    public let patientID: PatientID?
    /// The record kind (usually a `RecordKind` raw value).
    public let recordType: String
    public let recordID: String?
    public let action: AccessAction
    public let outcome: AuditOutcome
    /// When the access happened, rounded to whole microseconds.
    public let time: Date
    public let requestID: String
    public let breakGlass: Bool
    /// What a write changed, in words ("disabled", "roles: therapist"), for account and settings
    /// writes; never clinical content. Absent on most events.
    public let detail: String?

    public init(sequence: Int64, actorID: UserID, actorRole: Role, patientID: PatientID?, recordType: String,
                recordID: String?, action: AccessAction, outcome: AuditOutcome, time: Date, requestID: String,
                breakGlass: Bool, detail: String? = nil) {
        self.sequence = sequence
        self.actorID = actorID
        self.actorRole = actorRole
        self.patientID = patientID
        self.recordType = recordType
        self.recordID = recordID
        self.action = action
        self.outcome = outcome
        self.time = AuditTime.roundedToMicroseconds(time)
        self.requestID = requestID
        self.breakGlass = breakGlass
        self.detail = detail
    }
}

/// The fixed time representation of the audit chain.
public enum AuditTime {
    /// Whole microseconds since 1970-01-01T00:00:00Z.
    public static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// The date `microseconds` after 1970-01-01T00:00:00Z (store audit times as this integer so that
    /// every database returns exactly the value that was hashed).
    public static func date(fromMicroseconds microseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }

    /// `date` rounded to the nearest whole microsecond.
    public static func roundedToMicroseconds(_ date: Date) -> Date {
        Self.date(fromMicroseconds: microseconds(date))
    }

    /// `yyyy-MM-ddTHH:mm:ss.ffffffZ` in UTC (proleptic Gregorian calendar).
    public static func iso8601(_ date: Date) -> String {
        let micros = microseconds(date)
        let perDay: Int64 = 86_400_000_000
        let days = micros >= 0 ? micros / perDay : (micros - perDay + 1) / perDay
        let inDay = micros - days * perDay
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let seconds = inDay / 1_000_000
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(seconds / 3600, 2)):"
            + "\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)).\(pad(inDay % 1_000_000, 6))Z"
    }

    /// Converts days since 1970-01-01 to a Gregorian (year, month, day) using the published
    /// era-based civil-from-days formula.
    static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
