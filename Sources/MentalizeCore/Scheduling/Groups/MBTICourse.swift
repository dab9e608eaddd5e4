import Foundation

/// One placed session of an MBT-I course.
public struct CourseSession: Hashable, Sendable, Codable {
    /// 1-based position in the curriculum.
    public let number: Int
    public let title: String
    /// The week's date the session belongs to (its identity).
    public let date: LocalDate
    public let slot: TimeSlot
    public let isMoved: Bool
}

/// An introductory MBT-I group: a fixed number of weekly sessions, each with a curriculum title.
/// Holidays and skipped weeks push the remaining sessions back a week, so every curriculum session
/// is held; a single session can also be moved to another time.
public struct MBTICourse: Hashable, Sendable, Codable {
    /// Sessions an MBT-I course may have (the usual 10–12 weeks).
    public static let allowedSessionCounts = 10...12
    /// How many weeks beyond the session count the course may stretch over holidays.
    public static let maximumExtraWeeks = 26

    public let id: CourseID
    public var title: String
    public let recurrence: WeeklyRecurrence
    public let curriculum: [String]
    public var therapists: GroupTherapists
    public var modality: SessionModality
    public private(set) var skippedWeeks: Set<LocalDate>
    public private(set) var moves: [Int: TimeSlot]

    /// `recurrence` gives the first date, weekly time and duration; its end is ignored (the
    /// curriculum's length decides). Titles are trimmed and must be non-empty, ≤ 200 characters.
    public init(id: CourseID, title: String, recurrence: WeeklyRecurrence, curriculum: [String],
                therapists: GroupTherapists, modality: SessionModality) throws(SchedulingError) {
        guard Self.allowedSessionCounts.contains(curriculum.count) else {
            throw .courseLength(count: curriculum.count, allowed: Self.allowedSessionCounts)
        }
        var titles: [String] = []
        for raw in [title] + curriculum {
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw .emptyName(.courseTitle) }
            guard trimmed.count <= 200 else { throw .textTooLong(field: .courseTitle, limit: 200) }
            titles.append(trimmed)
        }
        self.id = id
        self.title = titles[0]
        self.recurrence = try WeeklyRecurrence(zone: recurrence.zone, firstDate: recurrence.firstDate, time: recurrence.time,
                                               durationMinutes: recurrence.durationMinutes, end: .never)
        self.curriculum = Array(titles.dropFirst())
        self.therapists = therapists
        self.modality = modality
        self.skippedWeeks = []
        self.moves = [:]
    }

    /// Skips the week of `date` (a course weekday); later sessions move back a week.
    public mutating func skipWeek(_ date: LocalDate) throws(SchedulingError) {
        guard recurrence.isOccurrenceDate(date) else { throw .notAnOccurrence(date) }
        skippedWeeks.insert(date)
    }

    /// Moves session `number` (1-based) to `slot`.
    public mutating func move(session number: Int, to slot: TimeSlot) throws(SchedulingError) {
        guard (1...curriculum.count).contains(number) else { throw .courseSessionNumber(number, count: curriculum.count) }
        moves[number] = slot
    }

    /// The sessions in curriculum order, placed around holidays and skipped weeks.
    public func sessions(holidays: ClinicHolidays = .none) throws(SchedulingError) -> [CourseSession] {
        var placed: [CourseSession] = []
        let weeks = curriculum.count + Self.maximumExtraWeeks
        for week in 0..<weeks where placed.count < curriculum.count {
            let date = recurrence.firstDate.adding(days: week * 7)
            guard !holidays.isHoliday(date), !skippedWeeks.contains(date) else { continue }
            let number = placed.count + 1
            let moved = moves[number]
            placed.append(CourseSession(number: number, title: curriculum[number - 1], date: date,
                                        slot: moved ?? recurrence.slot(on: date), isMoved: moved != nil))
        }
        guard placed.count == curriculum.count else { throw .courseCannotBePlaced(weeksTried: weeks) }
        return placed
    }

    /// The sessions as bookings, labelled "<course title>: <session title>".
    public func bookings(holidays: ClinicHolidays = .none) throws(SchedulingError) -> [Booking] {
        try sessions(holidays: holidays).map {
            Booking(id: BookingID(source: id.rawValue, date: $0.date), label: "\(title): \($0.title)",
                    therapists: therapists.ids, modality: modality, slot: $0.slot)
        }
    }
}
