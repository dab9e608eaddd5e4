import Fluent

/// 001-04: patients.
struct CreatePatients: AsyncMigration {
    var name: String { "001-04-create-patients" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Patient.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(Clinic.schema, "id"))
            .field("given_name", .string, .required)
            .field("family_name", .string, .required)
            .field("date_of_birth", .string, .required)
            .field("phase", .string, .required)
            .field("user_id", .uuid, .references(UserAccount.schema, "id"))
            .field("created_at", .datetime)
            .unique(on: "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Patient.schema).delete()
    }
}
