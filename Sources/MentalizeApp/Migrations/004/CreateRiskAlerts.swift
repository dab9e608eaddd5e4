import Fluent

/// 004-04: risk alerts and the named people each one went to.
struct CreateRiskAlerts: AsyncMigration {
    var name: String { "004-04-create-risk-alerts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(RiskAlert.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("source", .string, .required)
            .field("source_id", .uuid)
            .field("instrument_id", .string)
            .field("rule_ids", .string, .required)
            .field("level", .string, .required)
            .field("state", .string, .required)
            .field("raised_at", .datetime, .required)
            .field("acknowledged_by", .uuid, .references(UserAccount.schema, "id"))
            .field("acknowledged_at", .datetime)
            .field("action", .string)
            .field("action_by", .uuid, .references(UserAccount.schema, "id"))
            .field("action_at", .datetime)
            .field("resolved_by", .uuid, .references(UserAccount.schema, "id"))
            .field("resolved_at", .datetime)
            .field("escalated_at", .datetime)
            .create()
        try await database.schema(RiskAlertRecipient.schema)
            .id()
            .field("alert_id", .uuid, .required, .references(RiskAlert.schema, "id"))
            .field("user_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("reason", .string, .required)
            .field("added_at", .datetime, .required)
            .unique(on: "alert_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RiskAlertRecipient.schema).delete()
        try await database.schema(RiskAlert.schema).delete()
    }
}
