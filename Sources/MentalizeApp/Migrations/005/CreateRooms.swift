import Fluent

/// 005-01: treatment rooms.
struct CreateRooms: AsyncMigration {
    var name: String { "005-01-create-rooms" }

    func prepare(on database: any Database) async throws {
        try await database.schema(RoomRecord.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(Clinic.schema, "id"))
            .field("name", .string, .required)
            .unique(on: "clinic_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RoomRecord.schema).delete()
    }
}
