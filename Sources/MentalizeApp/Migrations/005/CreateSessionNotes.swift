import Fluent

/// 005-08: MBT session notes (one per session), signed notes locked with addenda.
struct CreateSessionNotes: AsyncMigration {
    var name: String { "005-08-create-session-notes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SessionNoteRecord.schema)
            .id()
            .field("source_id", .uuid, .required)
            .field("session_date", .string, .required)
            .field("session_start", .datetime, .required)
            .field("kind", .string, .required)
            .field("patient_id", .uuid, .references(Patient.schema, "id"))
            .field("group_id", .uuid, .references(TherapyGroup.schema, "id"))
            .field("author_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("state", .string, .required)
            .field("signed_at", .datetime)
            .field("note_json", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "source_id", "session_date")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SessionNoteRecord.schema).delete()
    }
}
