import Fluent

/// 005-07: attendance per session and patient.
struct CreateAttendance: AsyncMigration {
    var name: String { "005-07-create-attendance" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AttendanceEntry.schema)
            .id()
            .field("source_id", .uuid, .required)
            .field("session_date", .string, .required)
            .field("session_start", .datetime, .required)
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("group_id", .uuid, .references(TherapyGroup.schema, "id"))
            .field("mark", .string, .required)
            .field("notice_given_at", .datetime)
            .field("recorded_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("recorded_at", .datetime, .required)
            .unique(on: "source_id", "session_date", "patient_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AttendanceEntry.schema).delete()
    }
}
