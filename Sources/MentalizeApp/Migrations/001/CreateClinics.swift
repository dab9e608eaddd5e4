import Fluent

/// 001-02: clinics.
struct CreateClinics: AsyncMigration {
    var name: String { "001-02-create-clinics" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Clinic.schema)
            .id()
            .field("name", .string, .required)
            .field("time_zone", .string, .required)
            .field("country", .string, .required)
            .field("locale", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Clinic.schema).delete()
    }
}
