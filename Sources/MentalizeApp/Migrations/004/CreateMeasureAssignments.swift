import Fluent

/// 004-02: measures assigned to patients, from the plan (one per plan line and due date) or ad hoc.
struct CreateMeasureAssignments: AsyncMigration {
    var name: String { "004-02-create-measure-assignments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MeasureAssignment.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("instrument_id", .string, .required)
            .field("due_at", .datetime, .required)
            .field("plan_item_id", .uuid)
            .field("assigned_by", .uuid, .references(UserAccount.schema, "id"))
            .field("completed_at", .datetime)
            .field("cancelled_at", .datetime)
            .field("schedule_key", .string, .required)
            .unique(on: "schedule_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MeasureAssignment.schema).delete()
    }
}
