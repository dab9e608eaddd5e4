import Fluent

/// 005-04: cancelled, moved and skipped sessions of a series, by original date.
struct CreateSeriesChanges: AsyncMigration {
    var name: String { "005-04-create-series-changes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SeriesChangeRecord.schema)
            .id()
            .field("series_id", .uuid, .required, .references(SessionSeriesRecord.schema, "id"))
            .field("original_date", .string, .required)
            .field("change", .string, .required)
            .field("reason", .string)
            .field("moved_start", .datetime)
            .field("moved_end", .datetime)
            .unique(on: "series_id", "original_date")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SeriesChangeRecord.schema).delete()
    }
}
