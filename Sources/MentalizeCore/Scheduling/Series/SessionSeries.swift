/// A weekly series with its exceptions: cancelled sessions and sessions moved to another time.
/// Sessions on clinic holidays are cancelled unless explicitly moved.
public struct SessionSeries: Hashable, Sendable, Codable {
    public let id: SeriesID
    public private(set) var recurrence: WeeklyRecurrence
    public private(set) var changes: [LocalDate: OccurrenceChange]

    public init(id: SeriesID, recurrence: WeeklyRecurrence) {
        self.id = id
        self.recurrence = recurrence
        self.changes = [:]
    }

    /// Cancels the session on `date`.
    public mutating func cancel(on date: LocalDate, reason: CancellationReason) throws(SchedulingError) {
        guard recurrence.isOccurrenceDate(date) else { throw .notAnOccurrence(date) }
        changes[date] = .cancelled(reason)
    }

    /// Moves the session on `date` to `slot` (which may fall on another day).
    public mutating func move(on date: LocalDate, to slot: TimeSlot) throws(SchedulingError) {
        guard recurrence.isOccurrenceDate(date) else { throw .notAnOccurrence(date) }
        changes[date] = slot == recurrence.slot(on: date) ? nil : .moved(to: slot)
    }

    /// Undoes a cancellation or move.
    public mutating func restore(on date: LocalDate) { changes[date] = nil }

    /// Ends the series on or before `last` (e.g. before starting a new series at a new time);
    /// changes after the end are dropped.
    public mutating func end(onOrBefore last: LocalDate) throws(SchedulingError) {
        recurrence = try WeeklyRecurrence(
            zone: recurrence.zone, firstDate: recurrence.firstDate, time: recurrence.time,
            durationMinutes: recurrence.durationMinutes, end: .onOrBefore(last)
        )
        changes = changes.filter { $0.key <= last }
    }

    /// The session on `date`, or nil when the rule has none that day.
    public func occurrence(on date: LocalDate, holidays: ClinicHolidays = .none) -> Occurrence? {
        guard recurrence.isOccurrenceDate(date) else { return nil }
        let regular = recurrence.slot(on: date)
        switch changes[date] {
        case .moved(let slot):
            return Occurrence(date: date, slot: slot, status: .moved(from: regular))
        case .cancelled(let reason):
            return Occurrence(date: date, slot: regular, status: .cancelled(reason))
        case nil:
            let status: OccurrenceStatus = holidays.isHoliday(date) ? .cancelled(.holiday) : .scheduled
            return Occurrence(date: date, slot: regular, status: status)
        }
    }

    /// Every session whose slot (after moves) overlaps `window`, cancelled ones included, by start.
    public func occurrences(in window: TimeSlot, holidays: ClinicHolidays = .none) -> [Occurrence] {
        var found = recurrence.dates(overlapping: window).compactMap { occurrence(on: $0, holidays: holidays) }
        let seen = Set(found.map(\.date))
        for (date, change) in changes where !seen.contains(date) {
            if case .moved = change, let moved = occurrence(on: date, holidays: holidays) { found.append(moved) }
        }
        return found.filter { $0.slot.overlaps(window) }.sorted { ($0.slot.start, $0.date) < ($1.slot.start, $1.date) }
    }
}
