import Fluent

/// 001-01: the installation row (secret-key fingerprint).
struct CreateInstallation: AsyncMigration {
    var name: String { "001-01-create-installation" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Installation.schema)
            .id()
            .field("key_fingerprint", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Installation.schema).delete()
    }
}
