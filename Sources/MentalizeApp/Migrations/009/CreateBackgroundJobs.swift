import Fluent

/// 009-01: one row per background job, claimed by a conditional update so one node runs it.
struct CreateBackgroundJobs: AsyncMigration {
    var name: String { "009-01-create-background-jobs" }

    func prepare(on database: any Database) async throws {
        try await database.schema(BackgroundJobRecord.schema)
            .field("name", .string, .identifier(auto: false))
            .field("last_run_at", .datetime, .required)
            .field("holder", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BackgroundJobRecord.schema).delete()
    }
}
