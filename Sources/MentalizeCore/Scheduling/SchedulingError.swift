/// Why scheduling input was refused, in words for the person entering it.
public enum SchedulingError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidDate(String)
    case invalidTime(String)
    case unknownTimeZone(String)
    case emptySlot
    case invalidDuration(Int)
    case endBeforeStart(first: LocalDate, last: LocalDate)
    case invalidOccurrenceCount(Int)
    case notAnOccurrence(LocalDate)
    case emptyName(String)
    case textTooLong(field: String, limit: Int)
    case invalidVideoLink(String)
    case courseLength(count: Int, allowed: ClosedRange<Int>)
    case courseSessionNumber(Int, count: Int)
    case courseCannotBePlaced(weeksTried: Int)
    case therapistCount(Int)
    case duplicateTherapist
    case invalidNoticePeriod(Int)
    case invalidThreshold(Int)

    public var description: String {
        switch self {
        case .invalidDate(let text): "“\(text)” is not a valid date (use YYYY-MM-DD)."
        case .invalidTime(let text): "“\(text)” is not a valid time (use HH:MM, 00:00–23:59)."
        case .unknownTimeZone(let id): "“\(id)” is not a known time zone; use an IANA name such as Europe/London."
        case .emptySlot: "The end time must be after the start time."
        case .invalidDuration(let minutes): "A session of \(minutes) minutes is not possible; use 1 to 1440 minutes."
        case .endBeforeStart(let first, let last): "The series cannot end (\(last)) before its first session (\(first))."
        case .invalidOccurrenceCount(let count): "A series needs at least one session, not \(count)."
        case .notAnOccurrence(let date): "The series has no session on \(date)."
        case .emptyName(let field): "The \(field) cannot be empty."
        case .textTooLong(let field, let limit): "The \(field) is longer than \(limit) characters."
        case .invalidVideoLink(let reason): "The video link is not accepted: \(reason)"
        case .courseLength(let count, let allowed):
            "An MBT-I course has \(allowed.lowerBound) to \(allowed.upperBound) sessions; this curriculum has \(count)."
        case .courseSessionNumber(let number, let count): "Session \(number) does not exist; the course has \(count) sessions."
        case .courseCannotBePlaced(let weeks): "The course sessions could not be placed within \(weeks) weeks; check the holidays and skipped weeks."
        case .therapistCount(let count): "A group has one or two therapists, not \(count)."
        case .duplicateTherapist: "The same therapist is listed twice."
        case .invalidNoticePeriod(let hours): "A notice period of \(hours) hours is not possible; use 0 to 336 hours."
        case .invalidThreshold(let count): "A warning after \(count) missed sessions is not possible; use 1 to 20."
        }
    }
}
