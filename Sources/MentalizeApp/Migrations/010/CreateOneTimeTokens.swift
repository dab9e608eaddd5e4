import Fluent

/// 010-02: single-use links (first-run setup, portal invitations, password resets). Only a hash of
/// each token is stored; a token is used, revoked or expired, never reused.
struct CreateOneTimeTokens: AsyncMigration {
    var name: String { "010-02-create-one-time-tokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OneTimeToken.schema)
            .id()
            .field("purpose", .string, .required)
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .references(UserAccount.schema, "id"))
            .field("patient_id", .uuid, .references(Patient.schema, "id"))
            .field("email", .string)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OneTimeToken.schema).delete()
    }
}
