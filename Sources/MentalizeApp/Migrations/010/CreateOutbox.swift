import Fluent

/// 010-03: notifications waiting to leave the system, written in the same transaction as the
/// event that causes them and delivered by the outbox job (claimed by a conditional update, so
/// one node sends each). The content is sealed with the installation key and cleared once sent.
struct CreateOutbox: AsyncMigration {
    var name: String { "010-03-create-outbox" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema)
            .id()
            .field("kind", .string, .required)
            .field("channel", .string, .required)
            .field("recipient", .string, .required)
            .field("content_sealed", .string)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("claimed_by", .string)
            .field("claimed_until", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema).delete()
    }
}
