import Fluent

/// 008-01: clinical roles proposed by an admin and approved or refused by a second person.
struct CreateRoleGrants: AsyncMigration {
    var name: String { "008-01-create-role-grants" }

    func prepare(on database: any Database) async throws {
        try await database.schema(RoleGrantRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("role", .string, .required)
            .field("proposed_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("proposed_at", .datetime, .required)
            .field("decided_by", .uuid, .references(UserAccount.schema, "id"))
            .field("decided_at", .datetime)
            .field("approved", .bool)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RoleGrantRecord.schema).delete()
    }
}
