import Fluent

/// 004-01: the programme's measurement plan (which instrument, in which phase, how often).
struct CreateMeasurementPlans: AsyncMigration {
    var name: String { "004-01-create-measurement-plans" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MeasurePlanItemRecord.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(Clinic.schema, "id"))
            .field("phase", .string, .required)
            .field("instrument_id", .string, .required)
            .field("first_due_days", .int, .required)
            .field("repeat_every_days", .int)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MeasurePlanItemRecord.schema).delete()
    }
}
