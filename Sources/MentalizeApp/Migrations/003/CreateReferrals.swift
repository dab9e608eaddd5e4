import Fluent

/// 003-02: referrals.
struct CreateReferrals: AsyncMigration {
    var name: String { "003-02-create-referrals" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Referral.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("source", .string, .required)
            .field("received_on", .string, .required)
            .field("reason", .string, .required)
            .field("urgency", .string, .required)
            .field("created_by", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Referral.schema).delete()
    }
}
