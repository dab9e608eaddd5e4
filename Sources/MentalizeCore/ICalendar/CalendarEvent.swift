/// One event in a calendar feed. It carries only what the caller puts in it: keep summaries and
/// descriptions free of clinical detail (e.g. "Individual session", "Tuesday group").
public struct CalendarEvent: Hashable, Sendable {
    /// The event's STATUS.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case confirmed = "CONFIRMED"
        case tentative = "TENTATIVE"
        case cancelled = "CANCELLED"
    }

    public let uid: String
    public let slot: TimeSlot
    public let summary: String
    public let location: String?
    public let details: String?
    public let status: Status
    /// Raise when an event changes so calendar apps take the new version.
    public let sequence: Int

    public init(uid: String, slot: TimeSlot, summary: String, location: String? = nil, details: String? = nil,
                status: Status = .confirmed, sequence: Int = 0) throws(CalendarError) {
        guard !uid.isEmpty, uid.utf8.count <= 255 else { throw .invalidUID }
        guard sequence >= 0 else { throw .negativeSequence }
        self.uid = uid
        self.slot = slot
        self.summary = summary
        self.location = location
        self.details = details
        self.status = status
        self.sequence = sequence
    }

    /// A globally unique, stable UID for a booked session, e.g. `<series>-2024-03-05@clinic.example`.
    public static func uid(for booking: BookingID, domain: String) -> String { "\(booking)@\(domain)" }
}

/// A calendar for one user: its name and events.
public struct CalendarFeed: Hashable, Sendable {
    public static let defaultProductID = "-//Mentalize//Mentalize Scheduling//EN"

    public let name: String
    public let events: [CalendarEvent]
    public let productID: String

    public init(name: String, events: [CalendarEvent], productID: String = CalendarFeed.defaultProductID) {
        self.name = name
        self.events = events
        self.productID = productID
    }
}

/// Why a calendar event was refused.
public enum CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidUID
    case negativeSequence

    public var description: String {
        switch self {
        case .invalidUID: "A calendar event needs a UID of 1 to 255 bytes."
        case .negativeSequence: "A calendar event's sequence cannot be negative."
        }
    }
}
