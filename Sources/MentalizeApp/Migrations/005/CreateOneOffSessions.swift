import Fluent

/// 005-05: single sessions outside a series.
struct CreateOneOffSessions: AsyncMigration {
    var name: String { "005-05-create-one-off-sessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OneOffSessionRecord.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(Clinic.schema, "id"))
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("therapist_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("modality", .string, .required)
            .field("room_id", .uuid, .references(RoomRecord.schema, "id"))
            .field("video_url", .string)
            .field("cancellation", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OneOffSessionRecord.schema).delete()
    }
}
