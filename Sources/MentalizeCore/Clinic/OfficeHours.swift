public import Foundation

/// When the clinic's team is at work: an opening time and a closing time per weekday (days not
/// listed are closed), and the clinic's holidays. What a patient is told about when the team will
/// read what they wrote is derived from this, so it is true at the hour they read it.
public struct OfficeHours: Sendable, Equatable {
    /// One day's opening, closing after it opens.
    public struct Opening: Sendable, Equatable {
        public let opens: LocalTime
        public let closes: LocalTime

        public init(opens: LocalTime, closes: LocalTime) throws(ClinicSettingsError) {
            guard opens < closes else { throw .closesBeforeOpening(opens: opens.description, closes: closes.description) }
            self.init(uncheckedOpens: opens, closes: closes)
        }

        init(uncheckedOpens opens: LocalTime, closes: LocalTime) {
            self.opens = opens
            self.closes = closes
        }
    }

    public private(set) var openings: [Weekday: Opening]

    public init(openings: [Weekday: Opening]) {
        self.openings = openings
    }

    /// Monday to Friday, 09:00 to 17:00: what a new clinic starts with until it says otherwise.
    public static let weekdaysNineToFive: OfficeHours = {
        let day = Opening(uncheckedOpens: LocalTime(secondsIntoDay: 9 * 3600), closes: LocalTime(secondsIntoDay: 17 * 3600))
        return OfficeHours(openings: [.monday: day, .tuesday: day, .wednesday: day, .thursday: day, .friday: day])
    }()

    /// Whether the team is at work at `instant`: an open weekday, not a holiday, within the hours.
    public func isOpen(at instant: Date, zone: ClinicZone, holidays: Set<LocalDate>) -> Bool {
        let date = zone.localDate(of: instant)
        guard !holidays.contains(date), let opening = openings[date.weekday] else { return false }
        let time = zone.localTime(of: instant)
        return opening.opens <= time && time < opening.closes
    }

    /// The next instant the team is at work, at or after `instant` (the instant itself when open);
    /// nil when no day in the coming year is open.
    public func nextOpening(atOrAfter instant: Date, zone: ClinicZone, holidays: Set<LocalDate>) -> Date? {
        if isOpen(at: instant, zone: zone, holidays: holidays) { return instant }
        let today = zone.localDate(of: instant)
        for offset in 0...366 {
            let date = today.adding(days: offset)
            guard !holidays.contains(date), let opening = openings[date.weekday] else { continue }
            let opens = zone.instant(on: date, at: opening.opens)
            if opens >= instant { return opens }
        }
        return nil
    }
}
