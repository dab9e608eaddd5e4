/// Why scheduling input was refused (the app words it for the person entering it, in the page's language).
public enum SchedulingError: Error, Hashable, Sendable {
    case invalidDate(String)
    case invalidTime(String)
    case unknownTimeZone(String)
    case emptySlot
    case invalidDuration(Int)
    case endBeforeStart(first: LocalDate, last: LocalDate)
    case invalidOccurrenceCount(Int)
    case notAnOccurrence(LocalDate)
    case emptyName(SchedulingField)
    case textTooLong(field: SchedulingField, limit: Int)
    case invalidVideoLink(VideoLinkProblem)
    case courseLength(count: Int, allowed: ClosedRange<Int>)
    case courseSessionNumber(Int, count: Int)
    case courseCannotBePlaced(weeksTried: Int)
    case therapistCount(Int)
    case duplicateTherapist
    case invalidNoticePeriod(Int)
    case invalidThreshold(Int)
}

/// A named scheduling text that must not be empty and has a length limit.
public enum SchedulingField: String, Hashable, Sendable {
    case roomName, courseTitle
}
