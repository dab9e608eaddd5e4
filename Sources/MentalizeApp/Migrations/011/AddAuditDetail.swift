import Fluent

/// 011-01: an audit event may say what a write changed ("disabled", "roles: therapist"), for
/// account and clinic-settings writes. Never clinical content. Hashed into the chain when present;
/// events without one hash exactly as before.
struct AddAuditDetail: AsyncMigration {
    var name: String { "011-01-add-audit-detail" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventRecord.schema).field("detail", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEventRecord.schema).deleteField("detail").update()
    }
}
