import Fluent

/// 004-05: a clinic's licensed item texts, imported with `mentalize instruments import-text`.
struct CreateInstrumentTextPacks: AsyncMigration {
    var name: String { "004-05-create-instrument-text-packs" }

    func prepare(on database: any Database) async throws {
        try await database.schema(InstrumentTextPackRecord.schema)
            .id()
            .field("instrument_id", .string, .required)
            .field("language", .string, .required)
            .field("version", .string, .required)
            .field("pack_json", .string, .required)
            .field("imported_at", .datetime, .required)
            .unique(on: "instrument_id", "language")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InstrumentTextPackRecord.schema).delete()
    }
}
