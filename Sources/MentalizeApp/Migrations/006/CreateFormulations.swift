import Fluent

/// 006-04: case formulation versions and the patient's comments and agreements.
struct CreateFormulations: AsyncMigration {
    var name: String { "006-04-create-formulations" }

    func prepare(on database: any Database) async throws {
        try await database.schema(FormulationVersion.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("version", .int, .required)
            .field("presenting_problems", .string, .required)
            .field("relational_patterns", .string, .required)
            .field("breakdowns", .string, .required)
            .field("modes", .string, .required)
            .field("attachment_strategies", .string, .required)
            .field("strengths", .string, .required)
            .field("treatment_goals", .string, .required)
            .field("shared_at", .datetime)
            .field("written_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("written_at", .datetime, .required)
            .unique(on: "patient_id", "version")
            .create()
        try await database.schema(FormulationResponse.schema)
            .id()
            .field("version_id", .uuid, .required, .references(FormulationVersion.schema, "id"))
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("user_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FormulationResponse.schema).delete()
        try await database.schema(FormulationVersion.schema).delete()
    }
}
