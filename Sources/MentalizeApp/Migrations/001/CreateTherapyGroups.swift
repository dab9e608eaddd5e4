import Fluent

/// 001-05: therapy groups.
struct CreateTherapyGroups: AsyncMigration {
    var name: String { "001-05-create-therapy-groups" }

    func prepare(on database: any Database) async throws {
        try await database.schema(TherapyGroup.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(Clinic.schema, "id"))
            .field("name", .string, .required)
            .field("capacity", .int, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TherapyGroup.schema).delete()
    }
}
