import Fluent

/// 005-09: process notes, text sealed with the data key (a table of their own).
struct CreateProcessNotes: AsyncMigration {
    var name: String { "005-09-create-process-notes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ProcessNoteRecord.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("source_id", .uuid, .required)
            .field("session_date", .string, .required)
            .field("author_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("named_supervisor_id", .uuid, .references(UserAccount.schema, "id"))
            .field("sealed_text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProcessNoteRecord.schema).delete()
    }
}
