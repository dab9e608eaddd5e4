import Fluent

/// 005-10: secret, revocable calendar feed URLs (hashed).
struct CreateCalendarFeeds: AsyncMigration {
    var name: String { "005-10-create-calendar-feeds" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CalendarFeedRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CalendarFeedRecord.schema).delete()
    }
}
