public import Foundation

/// What happened with one patient at one session.
public enum AttendanceMark: Hashable, Sendable, Codable {
    case attended
    /// The patient cancelled; the time they told the clinic decides whether it was in time.
    case cancelledByPatient(noticeGivenAt: Date)
    /// The clinic cancelled: never counted against the patient.
    case cancelledByClinic
    /// Did not attend and did not cancel.
    case didNotAttend
}

/// One patient's attendance at one session (individual or group).
public struct AttendanceRecord: Hashable, Sendable, Codable {
    public let patient: PatientID
    public let sessionStart: Date
    public let mark: AttendanceMark

    public init(patient: PatientID, sessionStart: Date, mark: AttendanceMark) {
        self.patient = patient
        self.sessionStart = sessionStart
        self.mark = mark
    }
}

/// How much notice a patient must give for a cancellation to count as in time (default 24 hours).
public struct NoticePeriod: Hashable, Sendable, Codable {
    public static let allowedHours = 0...336
    public let hours: Int

    public init(hours: Int = 24) throws(SchedulingError) {
        guard Self.allowedHours.contains(hours) else { throw .invalidNoticePeriod(hours) }
        self.hours = hours
    }

    public static let standard = NoticePeriod(checkedHours: 24)

    private init(checkedHours: Int) { hours = checkedHours }

    /// Classifies a record under this notice period.
    public func outcome(of record: AttendanceRecord) -> AttendanceOutcome {
        switch record.mark {
        case .attended: .attended
        case .cancelledByClinic: .cancelledByClinic
        case .didNotAttend: .didNotAttend
        case .cancelledByPatient(let noticeGivenAt):
            record.sessionStart.timeIntervalSince(noticeGivenAt) >= TimeInterval(hours * 3600)
                ? .cancelledInTime : .cancelledLate
        }
    }
}

/// A record classified for counting.
public enum AttendanceOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    case attended
    /// Patient cancelled with at least the notice period.
    case cancelledInTime
    /// Patient cancelled inside the notice period: counted as missed.
    case cancelledLate
    case cancelledByClinic
    case didNotAttend

    /// Did not attend or cancelled late.
    public var isMissed: Bool { self == .didNotAttend || self == .cancelledLate }

    /// In the attendance-rate denominator: every outcome except a clinic cancellation.
    public var isCounted: Bool { self != .cancelledByClinic }
}
