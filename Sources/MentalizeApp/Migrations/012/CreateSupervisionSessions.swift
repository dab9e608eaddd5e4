import Fluent

/// 012-02: the supervision log: sessions the supervisor attests, and the supervisees in each.
struct CreateSupervisionSessions: AsyncMigration {
    var name: String { "012-02-create-supervision-sessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SupervisionSessionRecord.schema)
            .id()
            .field("supervisor_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("held_on", .string, .required)
            .field("minutes", .int, .required)
            .field("format", .string, .required)
            .field("material", .string, .required)
            .field("cases_text", .string, .required)
            .field("attested_at", .datetime, .required)
            .create()
        try await database.schema(SupervisionAttendeeRecord.schema)
            .id()
            .field("session_id", .uuid, .required, .references(SupervisionSessionRecord.schema, "id"))
            .field("therapist_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .unique(on: "session_id", "therapist_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SupervisionAttendeeRecord.schema).delete()
        try await database.schema(SupervisionSessionRecord.schema).delete()
    }
}
