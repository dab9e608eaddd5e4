import Foundation

/// How a weekly series ends.
public enum RecurrenceEnd: Hashable, Sendable, Codable {
    /// Runs until changed (typical for treatment-phase sessions).
    case never
    /// The last session is on or before this date.
    case onOrBefore(LocalDate)
    /// After this many weekly sessions (exceptions do not add sessions).
    case afterCount(Int)
}

/// Every week on the same weekday at the same wall-clock time in the clinic's zone. The UTC instant
/// moves by an hour across daylight-saving changes; the local time never does.
public struct WeeklyRecurrence: Hashable, Sendable, Codable {
    public let zone: ClinicZone
    /// The first session's date; its weekday is the series' weekday.
    public let firstDate: LocalDate
    public let time: LocalTime
    public let durationMinutes: Int
    public let end: RecurrenceEnd

    public init(zone: ClinicZone, firstDate: LocalDate, time: LocalTime, durationMinutes: Int, end: RecurrenceEnd = .never) throws(SchedulingError) {
        guard (1...1440).contains(durationMinutes) else { throw .invalidDuration(durationMinutes) }
        switch end {
        case .never: break
        case .onOrBefore(let last): if last < firstDate { throw .endBeforeStart(first: firstDate, last: last) }
        case .afterCount(let count): if count < 1 { throw .invalidOccurrenceCount(count) }
        }
        self.zone = zone
        self.firstDate = firstDate
        self.time = time
        self.durationMinutes = durationMinutes
        self.end = end
    }

    public var weekday: Weekday { firstDate.weekday }

    /// The date of the last session, or nil for an open-ended series.
    public var lastDate: LocalDate? {
        switch end {
        case .never: nil
        case .onOrBefore(let last): firstDate.adding(days: firstDate.days(until: last) / 7 * 7)
        case .afterCount(let count): firstDate.adding(days: (count - 1) * 7)
        }
    }

    /// True when the rule places a session on `date`.
    public func isOccurrenceDate(_ date: LocalDate) -> Bool {
        let offset = firstDate.days(until: date)
        guard offset >= 0, offset % 7 == 0 else { return false }
        return lastDate.map { date <= $0 } ?? true
    }

    /// When the session on `date` takes place (valid for any date; callers check the rule).
    public func slot(on date: LocalDate) -> TimeSlot {
        let start = zone.instant(on: date, at: time)
        return TimeSlot(checkedStart: start, end: start.addingTimeInterval(TimeInterval(durationMinutes * 60)))
    }

    /// The session dates whose regular slot overlaps `window`, in order.
    public func dates(overlapping window: TimeSlot) -> [LocalDate] {
        let low = max(firstDate, zone.localDate(of: window.start).adding(days: -1))
        var date = firstDate.adding(days: (firstDate.days(until: low) + 6) / 7 * 7)
        let high = zone.localDate(of: window.end).adding(days: 1)
        var dates: [LocalDate] = []
        while date <= high, isOccurrenceDate(date) {
            if slot(on: date).overlaps(window) { dates.append(date) }
            date = date.adding(days: 7)
        }
        return dates
    }

    private enum CodingKeys: String, CodingKey { case zone, firstDate, time, durationMinutes, end }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            zone: c.decode(ClinicZone.self, forKey: .zone),
            firstDate: c.decode(LocalDate.self, forKey: .firstDate),
            time: c.decode(LocalTime.self, forKey: .time),
            durationMinutes: c.decode(Int.self, forKey: .durationMinutes),
            end: c.decode(RecurrenceEnd.self, forKey: .end)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(zone, forKey: .zone)
        try c.encode(firstDate, forKey: .firstDate)
        try c.encode(time, forKey: .time)
        try c.encode(durationMinutes, forKey: .durationMinutes)
        try c.encode(end, forKey: .end)
    }
}
