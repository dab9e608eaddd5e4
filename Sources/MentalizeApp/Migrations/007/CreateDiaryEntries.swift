import Fluent

/// 007-02: mentalizing diary entries (the entry itself as JSON), the therapist's "bring to next
/// session" flags, and portal preferences (reflection prompts on or off, per clinic or patient).
struct CreateDiaryEntries: AsyncMigration {
    var name: String { "007-02-create-diary-entries" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DiaryEntryRecord.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("author_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("visibility", .string, .required)
            .field("is_draft", .bool, .required)
            .field("entry_json", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("deleted_at", .datetime)
            .field("idempotency_key", .string, .required)
            .unique(on: "idempotency_key")
            .create()
        try await database.schema(DiarySessionFlag.schema)
            .id()
            .field("entry_id", .uuid, .required, .references(DiaryEntryRecord.schema, "id"))
            .field("therapist_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("flagged_at", .datetime, .required)
            .unique(on: "entry_id", "therapist_id")
            .create()
        try await database.schema(PortalPreference.schema)
            .id()
            .field("scope", .string, .required)
            .field("subject_id", .uuid, .required)
            .field("prompts_enabled", .bool, .required)
            .unique(on: "scope", "subject_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PortalPreference.schema).delete()
        try await database.schema(DiarySessionFlag.schema).delete()
        try await database.schema(DiaryEntryRecord.schema).delete()
    }
}
