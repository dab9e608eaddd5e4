import Fluent

/// 006-05: clinical events (staff-recorded and patient-reported).
struct CreateClinicalEvents: AsyncMigration {
    var name: String { "006-05-create-clinical-events" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ClinicalEventRecord.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("kind", .string, .required)
            .field("occurred_on", .string, .required)
            .field("method", .string, .required)
            .field("severity", .string, .required)
            .field("reporter", .string, .required)
            .field("admission_days", .int)
            .field("note", .string, .required)
            .field("patient_reported", .bool, .required)
            .field("recorded_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("recorded_at", .datetime, .required)
            .field("idempotency_key", .string)
            .unique(on: "idempotency_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ClinicalEventRecord.schema).delete()
    }
}
