/// A slow-open MBT group: its weekly slot, therapists, modality and roster.
public struct TherapyGroup: Hashable, Sendable, Codable {
    public let id: GroupID
    public var name: String
    public var therapists: GroupTherapists
    public var slot: SessionSeries
    public var modality: SessionModality
    public var roster: GroupRoster

    public init(id: GroupID, name: String, therapists: GroupTherapists, slot: SessionSeries, modality: SessionModality, roster: GroupRoster) {
        self.id = id
        self.name = name
        self.therapists = therapists
        self.slot = slot
        self.modality = modality
        self.roster = roster
    }

    /// The group sessions that take place in `window`, as bookings labelled with the group's name.
    public func bookings(in window: TimeSlot, holidays: ClinicHolidays = .none) -> [Booking] {
        slot.occurrences(in: window, holidays: holidays).filter(\.takesPlace).map {
            Booking(id: BookingID(source: slot.id.rawValue, date: $0.date), label: name, therapists: therapists.ids, modality: modality, slot: $0.slot)
        }
    }
}
