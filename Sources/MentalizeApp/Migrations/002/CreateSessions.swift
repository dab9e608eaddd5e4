import Fluent

/// 002-02: sessions and sign-in throttling, shared by every app node.
struct CreateSessions: AsyncMigration {
    var name: String { "002-02-create-sessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("kind", .string, .required)
            .field("csrf_token", .string, .required)
            .field("second_factor_done", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema(ThrottleCounter.schema)
            .id()
            .field("subject", .string, .required)
            .field("failures", .int, .required)
            .field("last_failure_at", .datetime, .required)
            .unique(on: "subject")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ThrottleCounter.schema).delete()
        try await database.schema(UserSession.schema).delete()
    }
}
