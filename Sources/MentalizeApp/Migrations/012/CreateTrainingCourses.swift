import Fluent

/// 012-03: the courses in each clinician's training ledger.
struct CreateTrainingCourses: AsyncMigration {
    var name: String { "012-03-create-training-courses" }

    func prepare(on database: any Database) async throws {
        try await database.schema(TrainingCourseRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("name", .string, .required)
            .field("provider", .string, .required)
            .field("days", .int, .required)
            .field("completed_on", .string, .required)
            .field("certificate_reference", .string, .required)
            .field("course_key", .string)
            .field("recorded_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TrainingCourseRecord.schema).delete()
    }
}
