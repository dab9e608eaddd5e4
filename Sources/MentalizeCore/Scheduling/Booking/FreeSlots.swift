public import Foundation

/// Where a session could go in a week: every start within the clinic's office hours (a day that
/// is closed or a holiday has none) at which the therapist is free for the whole session, with
/// the rooms free for it too. A start with no free room can still hold a video or phone session.
public struct FreeSlots: Sendable {
    /// One possible start.
    public struct Slot: Sendable, Equatable {
        public let start: Date
        public let end: Date
        /// The keys of the rooms free for the whole session, in the order given.
        public let freeRooms: [String]
    }

    public let zone: ClinicZone
    public let hours: OfficeHours
    public let holidays: Set<LocalDate>
    /// Session length and the spacing of candidate starts, in minutes.
    public let minutes: Int
    public let step: Int

    public init(zone: ClinicZone, hours: OfficeHours, holidays: Set<LocalDate>, minutes: Int = 50, step: Int = 30) {
        self.zone = zone
        self.hours = hours
        self.holidays = holidays
        self.minutes = max(1, minutes)
        self.step = max(5, step)
    }

    /// The free starts of `day` not before `notBefore`, given the therapist's busy times and each
    /// room's (rooms in the order to show them).
    public func slots(on day: LocalDate, notBefore: Date, therapistBusy: [TimeSlot], rooms: [(key: String, busy: [TimeSlot])]) -> [Slot] {
        guard !holidays.contains(day), let opening = hours.openings[day.weekday] else { return [] }
        let open = zone.instant(on: day, at: opening.opens)
        let close = zone.instant(on: day, at: opening.closes)
        var slots: [Slot] = []
        var start = open
        while let candidate = try? TimeSlot(start: start, minutes: minutes), candidate.end <= close {
            if start >= notBefore, !therapistBusy.contains(where: candidate.overlaps) {
                slots.append(Slot(start: candidate.start, end: candidate.end,
                                  freeRooms: rooms.filter { !$0.busy.contains(where: candidate.overlaps) }.map(\.key)))
            }
            start = start.addingTimeInterval(Double(step) * 60)
        }
        return slots
    }
}
