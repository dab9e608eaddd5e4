import Fluent

/// 003-04: consent records.
struct CreateConsents: AsyncMigration {
    var name: String { "003-04-create-consents" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ConsentRecord.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("kind", .string, .required)
            .field("state", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("recorded_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ConsentRecord.schema).delete()
    }
}
