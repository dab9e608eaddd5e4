import Fluent

/// 007-01: secure message threads between a patient and their care team, the messages, and how far
/// each reader has read (for unread counts).
struct CreateMessages: AsyncMigration {
    var name: String { "007-01-create-messages" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MessageThread.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("subject", .string, .required)
            .field("started_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("started_at", .datetime, .required)
            .field("last_message_at", .datetime, .required)
            .create()
        try await database.schema(SecureMessage.schema)
            .id()
            .field("thread_id", .uuid, .required, .references(MessageThread.schema, "id"))
            .field("author_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("from_patient", .bool, .required)
            .field("body", .string, .required)
            .field("sent_at", .datetime, .required)
            .field("idempotency_key", .string, .required)
            .unique(on: "idempotency_key")
            .create()
        try await database.schema(MessageReadMark.schema)
            .id()
            .field("thread_id", .uuid, .required, .references(MessageThread.schema, "id"))
            .field("user_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("read_at", .datetime, .required)
            .unique(on: "thread_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MessageReadMark.schema).delete()
        try await database.schema(SecureMessage.schema).delete()
        try await database.schema(MessageThread.schema).delete()
    }
}
