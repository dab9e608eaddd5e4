import Fluent
import SQLKit

/// 009-02: finds a person's reads of given records (the message threads they opened: those audit
/// events are the read marks, since opening a page never writes) without scanning all their events.
struct CreateAuditReadIndex: AsyncMigration {
    var name: String { "009-02-create-audit-read-index" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "audit_events_actor_record").on(AuditEventRecord.schema).column("actor_id").column("record_id").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "audit_events_actor_record").run()
    }
}
