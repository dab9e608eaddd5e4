import Fluent

/// 001-03: user accounts, unique by username.
struct CreateUsers: AsyncMigration {
    var name: String { "001-03-create-users" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserAccount.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(Clinic.schema, "id"))
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("roles", .string, .required)
            .field("disabled_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserAccount.schema).delete()
    }
}
