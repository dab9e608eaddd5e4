public import Foundation

/// Where a reviewed note stands.
public enum ReviewStatus: String, Codable, Sendable, CaseIterable {
    case awaitingReview = "awaiting"
    case returned
    case approved
    case counterSigned = "counter-signed"
}

/// One stamped step of a review: who did what to which version, and when.
public struct ReviewStep: Hashable, Sendable, Codable {
    public enum Action: String, Hashable, Sendable, Codable {
        case submitted, returned, approved
        case counterSigned = "counter-signed"
    }

    public let action: Action
    public let by: UserID
    public let at: Date
    /// The version of the note the step concerns (1 for the first signature).
    public let version: Int
    /// The supervisor's comment on a returned note.
    public let comment: String?
}

/// The review of one signed note under an *approve* or *co-sign* supervision: the author's
/// signature submits it, the named reviewer approves (or counter-signs) it or returns it with a
/// comment, and the author revises and resubmits as a new version. Every step is kept.
public struct NoteReview: Hashable, Sendable, Codable {
    public static let commentLimit = 4000

    public let note: NoteID
    public let author: UserID
    public let reviewer: UserID
    public let mode: SupervisionMode
    public private(set) var steps: [ReviewStep]

    /// Starts the review with the author's first signature.
    public init(note: NoteID, author: UserID, reviewer: UserID, mode: SupervisionMode, submittedAt: Date) throws(ReviewRefusal) {
        guard mode.reviewsNotes else { throw .modeDoesNotReview }
        guard reviewer != author else { throw .reviewerIsAuthor }
        self.note = note
        self.author = author
        self.reviewer = reviewer
        self.mode = mode
        self.steps = [ReviewStep(action: .submitted, by: author, at: submittedAt, version: 1, comment: nil)]
    }

    /// Where the note stands now.
    public var status: ReviewStatus {
        switch steps.last?.action {
        case .returned: .returned
        case .approved: .approved
        case .counterSigned: .counterSigned
        case .submitted, nil: .awaitingReview
        }
    }

    /// The version last submitted.
    public var version: Int { steps.last?.version ?? 1 }

    /// When the version now waiting was submitted; nil unless awaiting review.
    public var awaitingSince: Date? {
        status == .awaitingReview ? steps.last?.at : nil
    }

    /// True when the note is part of the record: under *approve* only once approved; under
    /// *co-sign* from the author's signature on, except while returned for revision.
    public var isInRecord: Bool {
        switch mode {
        case .approve: status == .approved
        case .coSign, .view: status != .returned
        }
    }

    /// The reviewer returns the waiting version with a comment saying what should change.
    public mutating func returnForRevision(comment: String, by actor: UserID, at time: Date) throws(ReviewRefusal) {
        try checkReviewerStep(by: actor, at: time)
        let text = NoteText.clean(comment)
        guard !text.isEmpty else { throw .emptyComment }
        guard text.count <= Self.commentLimit else { throw .commentTooLong(limit: Self.commentLimit) }
        steps.append(ReviewStep(action: .returned, by: actor, at: time, version: version, comment: text))
    }

    /// The reviewer approves (approve mode) or counter-signs (co-sign mode) the waiting version.
    public mutating func complete(by actor: UserID, at time: Date) throws(ReviewRefusal) {
        try checkReviewerStep(by: actor, at: time)
        steps.append(ReviewStep(action: mode == .approve ? .approved : .counterSigned, by: actor, at: time, version: version, comment: nil))
    }

    /// The author signs the revised note again: a new version awaits review.
    public mutating func resubmit(by actor: UserID, at time: Date) throws(ReviewRefusal) {
        guard status == .returned else { throw .notReturned(status) }
        guard actor == author else { throw .notTheAuthor }
        try checkOrder(time)
        steps.append(ReviewStep(action: .submitted, by: actor, at: time, version: version + 1, comment: nil))
    }

    private func checkReviewerStep(by actor: UserID, at time: Date) throws(ReviewRefusal) {
        guard status == .awaitingReview else { throw .notAwaitingReview(status) }
        guard actor == reviewer else { throw .notTheReviewer }
        try checkOrder(time)
    }

    private func checkOrder(_ time: Date) throws(ReviewRefusal) {
        if let last = steps.last, time < last.at { throw .stepBeforePrevious }
    }
}
