import Fluent

/// 006-03: diagnostic interviews, risk assessments, suitability checklists and the participants
/// of the team meeting behind each suitability decision.
struct CreateAssessmentRecords: AsyncMigration {
    var name: String { "006-03-create-assessment-records" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DiagnosticInterviewRecord.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("interview", .string, .required)
            .field("interview_name", .string, .required)
            .field("conducted_on", .string, .required)
            .field("assessor", .string, .required)
            .field("criteria_met", .int)
            .field("outcome", .string, .required)
            .field("recorded_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(RiskAssessmentRecord.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("assessed_on", .string, .required)
            .field("assessor", .string, .required)
            .field("level", .string, .required)
            .field("summary", .string, .required)
            .field("recorded_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(SuitabilityChecklistRecord.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("exclusions", .string, .required)
            .field("contraindications", .string, .required)
            .field("recorded_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(MDTParticipantsRecord.schema)
            .id()
            .field("decision_id", .uuid, .required, .references(SuitabilityDecisionRecord.schema, "id"))
            .field("participants", .string, .required)
            .unique(on: "decision_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [MDTParticipantsRecord.schema, SuitabilityChecklistRecord.schema, RiskAssessmentRecord.schema, DiagnosticInterviewRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
