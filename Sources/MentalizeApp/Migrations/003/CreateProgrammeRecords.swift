import Fluent

/// 003-01: programme transitions (the phase history) and suitability decisions.
struct CreateProgrammeRecords: AsyncMigration {
    var name: String { "003-01-create-programme-records" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ProgrammeTransitionRecord.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("from_status", .string, .required)
            .field("to_status", .string, .required)
            .field("occurred_at", .datetime, .required)
            .field("reason", .string, .required)
            .field("decided_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .create()
        try await database.schema(SuitabilityDecisionRecord.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("decision", .string, .required)
            .field("reasons", .string, .required)
            .field("decided_at", .datetime, .required)
            .field("decided_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SuitabilityDecisionRecord.schema).delete()
        try await database.schema(ProgrammeTransitionRecord.schema).delete()
    }
}
