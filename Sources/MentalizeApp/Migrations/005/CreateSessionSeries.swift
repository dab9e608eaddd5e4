import Fluent

/// 005-03: weekly series (individual, group slot, MBT-I course), in wall-clock terms.
struct CreateSessionSeries: AsyncMigration {
    var name: String { "005-03-create-session-series" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SessionSeriesRecord.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(Clinic.schema, "id"))
            .field("kind", .string, .required)
            .field("patient_id", .uuid, .references(Patient.schema, "id"))
            .field("group_id", .uuid, .references(TherapyGroup.schema, "id"))
            .field("therapist_id", .uuid, .references(UserAccount.schema, "id"))
            .field("first_date", .string, .required)
            .field("start_time", .string, .required)
            .field("duration_minutes", .int, .required)
            .field("last_date", .string)
            .field("modality", .string, .required)
            .field("room_id", .uuid, .references(RoomRecord.schema, "id"))
            .field("video_url", .string)
            .field("title", .string)
            .field("curriculum", .string)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SessionSeriesRecord.schema).delete()
    }
}
