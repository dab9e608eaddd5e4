/// Why a step in a note's review was refused, in words for the clinician.
public enum ReviewRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case modeDoesNotReview
    case reviewerIsAuthor
    case notAwaitingReview(ReviewStatus)
    case notReturned(ReviewStatus)
    case notTheReviewer
    case notTheAuthor
    case emptyComment
    case commentTooLong(limit: Int)
    case stepBeforePrevious

    public var description: String {
        switch self {
        case .modeDoesNotReview: "This supervision only reads notes; it does not review them."
        case .reviewerIsAuthor: "A clinician cannot review their own note."
        case .notAwaitingReview(let status): "The note is not awaiting review (it is \(status.displayName.lowercased()))."
        case .notReturned(let status): "Only a returned note can be resubmitted (this one is \(status.displayName.lowercased()))."
        case .notTheReviewer: "Only the supervisor the note was sent to can review it."
        case .notTheAuthor: "Only the note's author can resubmit it."
        case .emptyComment: "Say what should change: a returned note needs a comment."
        case .commentTooLong(let limit): "The comment is longer than \(limit) characters."
        case .stepBeforePrevious: "A review step cannot be dated before the previous one."
        }
    }
}
