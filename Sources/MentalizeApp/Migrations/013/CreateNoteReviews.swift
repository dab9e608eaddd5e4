import Fluent
import SQLKit

/// 013-02: the review of a supervisee's signed note (its steps as the core's `NoteReview` in JSON,
/// with status, reviewer and waiting time in columns for the supervisor's queue) and every signed
/// version of a reviewed note, so a returned note is never silently changed.
struct CreateNoteReviews: AsyncMigration {
    var name: String { "013-02-create-note-reviews" }

    func prepare(on database: any Database) async throws {
        try await database.schema(NoteReviewRecord.schema)
            .id()
            .field("note_id", .uuid, .required, .references(SessionNoteRecord.schema, "id"))
            .field("author_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("reviewer_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("status", .string, .required)
            .field("awaiting_since", .datetime)
            .field("review_json", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "note_id")
            .create()
        try await database.schema(NoteVersionRecord.schema)
            .id()
            .field("note_id", .uuid, .required, .references(SessionNoteRecord.schema, "id"))
            .field("version", .int, .required)
            .field("note_json", .string, .required)
            .field("signed_at", .datetime, .required)
            .unique(on: "note_id", "version")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "idx_note_reviews_queue").on(NoteReviewRecord.schema).column("reviewer_id").column("status").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NoteVersionRecord.schema).delete()
        try await database.schema(NoteReviewRecord.schema).delete()
    }
}
