import Fluent
import Foundation

/// The review of one signed note under an approve or co-sign supervision: the core's
/// `NoteReview` as JSON, with its status, reviewer and waiting time copied into columns.
final class NoteReviewRecord: Model, @unchecked Sendable {
    static let schema = "note_reviews"

    @ID(key: .id) var id: UUID?
    @Parent(key: "note_id") var note: SessionNoteRecord
    @Parent(key: "author_id") var author: UserAccount
    @Parent(key: "reviewer_id") var reviewer: UserAccount
    /// A `ReviewStatus` raw value.
    @Field(key: "status") var status: String
    @OptionalField(key: "awaiting_since") var awaitingSince: Date?
    @Field(key: "review_json") var reviewJSON: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// One signed version of a reviewed note, kept as it was submitted.
final class NoteVersionRecord: Model, @unchecked Sendable {
    static let schema = "note_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "note_id") var note: SessionNoteRecord
    @Field(key: "version") var version: Int
    @Field(key: "note_json") var noteJSON: String
    @Field(key: "signed_at") var signedAt: Date

    init() {}
}
