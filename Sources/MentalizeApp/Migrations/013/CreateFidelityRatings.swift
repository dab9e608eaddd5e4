import Fluent

/// 013-03: fidelity rating: the material to rate (a session or a clip, with a link to the clinic's
/// own recording store), the raters asked with their scores and feedback, and the clinic's licensed
/// wording for the scales.
struct CreateFidelityRatings: AsyncMigration {
    var name: String { "013-03-create-fidelity-ratings" }

    func prepare(on database: any Database) async throws {
        try await database.schema(FidelityClipRecord.schema)
            .id()
            .field("therapist_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("patient_id", .uuid, .references(Patient.schema, "id"))
            .field("group_id", .uuid, .references(TherapyGroup.schema, "id"))
            .field("source_id", .uuid, .required)
            .field("session_date", .string, .required)
            .field("session_start", .datetime, .required)
            .field("scale_id", .string, .required)
            .field("start_minute", .int)
            .field("end_minute", .int)
            .field("length_minutes", .int, .required)
            .field("recording_link", .string, .required)
            .field("added_at", .datetime, .required)
            .create()
        try await database.schema(FidelityRatingRecord.schema)
            .id()
            .field("clip_id", .uuid, .required, .references(FidelityClipRecord.schema, "id"))
            .field("rater_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("asked_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("asked_at", .datetime, .required)
            .field("submitted_at", .datetime)
            .field("scores_json", .string)
            .field("feedback", .string)
            .unique(on: "clip_id", "rater_id")
            .create()
        try await database.schema(FidelityTextPackRecord.schema)
            .id()
            .field("scale_id", .string, .required)
            .field("pack_json", .string, .required)
            .field("imported_at", .datetime, .required)
            .unique(on: "scale_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FidelityTextPackRecord.schema).delete()
        try await database.schema(FidelityRatingRecord.schema).delete()
        try await database.schema(FidelityClipRecord.schema).delete()
    }
}
