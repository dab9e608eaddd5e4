/// Why a session of a series does not take place.
public enum CancellationReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// The clinic's holiday calendar.
    case holiday
    /// Cancelled by the clinic (e.g. therapist ill).
    case clinic
    /// Cancelled by the patient (attendance records whether in time).
    case patient
}

/// A change to one session of a series, keyed by the session's original date.
public enum OccurrenceChange: Hashable, Sendable, Codable {
    case cancelled(CancellationReason)
    /// Rescheduled to another time (any day); the original date still identifies it.
    case moved(to: TimeSlot)
}

/// What happens to a session of a series.
public enum OccurrenceStatus: Hashable, Sendable, Codable {
    case scheduled
    /// Rescheduled from its regular slot.
    case moved(from: TimeSlot)
    case cancelled(CancellationReason)
}

/// One session of a series: its original date (its identity, as an iCalendar RECURRENCE-ID would
/// be), when it takes place, and its status.
public struct Occurrence: Hashable, Sendable, Codable {
    public let date: LocalDate
    /// When it takes place; for a cancelled session, when it would have.
    public let slot: TimeSlot
    public let status: OccurrenceStatus

    /// False for cancelled sessions.
    public var takesPlace: Bool {
        if case .cancelled = status { return false }
        return true
    }
}

/// The clinic's closed days (bank holidays, closures), with a name for each.
public struct ClinicHolidays: Hashable, Sendable, Codable {
    public private(set) var names: [LocalDate: String]

    public init(_ names: [LocalDate: String] = [:]) { self.names = names }

    public static let none = ClinicHolidays()

    public func isHoliday(_ date: LocalDate) -> Bool { names[date] != nil }

    public mutating func add(_ date: LocalDate, name: String) { names[date] = name }
}
