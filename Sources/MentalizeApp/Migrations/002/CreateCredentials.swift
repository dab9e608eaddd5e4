import Fluent

/// 002-01: passwords, TOTP secrets and recovery codes.
struct CreateCredentials: AsyncMigration {
    var name: String { "002-01-create-credentials" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Credential.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("password_hash", .string, .required)
            .field("password_changed_at", .datetime, .required)
            .field("totp_secret_sealed", .string)
            .field("totp_enabled_at", .datetime)
            .field("totp_last_step", .int64)
            .unique(on: "user_id")
            .create()
        try await database.schema(RecoveryCode.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RecoveryCode.schema).delete()
        try await database.schema(Credential.schema).delete()
    }
}
