import Fluent

/// 003-03: crisis plan versions and clinic helplines.
struct CreateCrisisPlans: AsyncMigration {
    var name: String { "003-03-create-crisis-plans" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CrisisPlanVersion.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("version", .int, .required)
            .field("warning_signs", .string, .required)
            .field("what_i_can_do", .string, .required)
            .field("people_who_help", .string, .required)
            .field("what_professionals_do", .string, .required)
            .field("contacts", .string, .required)
            .field("written_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("written_at", .datetime, .required)
            .unique(on: "patient_id", "version")
            .create()
        try await database.schema(Helpline.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(Clinic.schema, "id"))
            .field("name", .string, .required)
            .field("phone", .string, .required)
            .field("hours", .string, .required)
            .field("position", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Helpline.schema).delete()
        try await database.schema(CrisisPlanVersion.schema).delete()
    }
}
