public import Foundation

/// Identifies one booked session: its source (series, group, course or one-off id) and, for a
/// series, the session's original date. Stable, so usable as a calendar UID.
public struct BookingID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let source: UUID
    public let date: LocalDate?

    public init(source: UUID, date: LocalDate?) {
        self.source = source
        self.date = date
    }

    /// E.g. `3F2504E0-…-2024-03-05`, or the bare UUID for a one-off.
    public var description: String {
        date.map { "\(source.uuidString.lowercased())-\($0)" } ?? source.uuidString.lowercased()
    }
}

/// A session that occupies therapists and possibly a room for a slot: what conflict checking and
/// calendars work on. `label` names it in messages; keep it free of clinical detail (e.g. "Tuesday
/// group", "individual session").
public struct Booking: Hashable, Sendable {
    public let id: BookingID
    public let label: String
    public let therapists: [UserID]
    public let modality: SessionModality
    public let slot: TimeSlot

    public init(id: BookingID, label: String, therapists: [UserID], modality: SessionModality, slot: TimeSlot) {
        self.id = id
        self.label = label
        self.therapists = therapists
        self.modality = modality
        self.slot = slot
    }
}
