import Fluent

/// 004-03: questionnaire responses, in progress (save and resume) or completed with their score.
struct CreateMeasureResponses: AsyncMigration {
    var name: String { "004-03-create-measure-responses" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MeasureResponse.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("instrument_id", .string, .required)
            .field("instrument_version", .string, .required)
            .field("assignment_id", .uuid, .references(MeasureAssignment.schema, "id"))
            .field("entry_mode", .string, .required)
            .field("entered_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("idempotency_key", .string, .required)
            .field("answers_json", .string, .required)
            .field("started_at", .datetime, .required)
            .field("completed_at", .datetime)
            .field("score_json", .string)
            .field("primary_score", .double)
            .field("risk_level", .string)
            .unique(on: "idempotency_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MeasureResponse.schema).delete()
    }
}
