/// Why a step in a note's review was refused (the app words it for the clinician).
public enum ReviewRefusal: Error, Hashable, Sendable {
    case modeDoesNotReview
    case reviewerIsAuthor
    case notAwaitingReview(ReviewStatus)
    case notReturned(ReviewStatus)
    case notTheReviewer
    case notTheAuthor
    case emptyComment
    case commentTooLong(limit: Int)
    case stepBeforePrevious
}
