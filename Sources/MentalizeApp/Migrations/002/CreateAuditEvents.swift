import Fluent
import SQLKit

/// 002-03: the hash-chained audit log and break-glass grants.
struct CreateAuditEvents: AsyncMigration {
    var name: String { "002-03-create-audit-events" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventRecord.schema)
            .id()
            .field("sequence", .int64, .required)
            .field("occurred_at_us", .int64, .required)
            .field("actor_id", .uuid)
            .field("actor_role", .string, .required)
            .field("patient_id", .uuid)
            .field("record_type", .string, .required)
            .field("record_id", .string)
            .field("action", .string, .required)
            .field("outcome", .string, .required)
            .field("request_id", .string, .required)
            .field("break_glass", .bool, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "sequence")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "audit_events_patient").on(AuditEventRecord.schema).column("patient_id").run()
        try await sql.create(index: "audit_events_actor").on(AuditEventRecord.schema).column("actor_id").run()
        try await database.schema(BreakGlassGrantRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserAccount.schema, "id"))
            .field("patient_id", .uuid, .required, .references(Patient.schema, "id"))
            .field("reason", .string, .required)
            .field("granted_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BreakGlassGrantRecord.schema).delete()
        try await database.schema(AuditEventRecord.schema).delete()
    }
}
