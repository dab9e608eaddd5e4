import Fluent
import Foundation
import MentalizeCore
import SQLKit

/// When records were read, from the audit log: opening a page never writes, so the audited read of
/// a message thread or a learning module is its read mark. Aggregated in SQL, one row per record,
/// however often the record was read.
struct AuditReadTimes {
    let database: any Database

    /// The latest allowed read by `actorID` of each of these records of `recordType`.
    func latest(by actorID: UUID, recordType: String, recordIDs: [String]) async throws -> [String: Date] {
        guard !recordIDs.isEmpty else { return [:] }
        return try await times(SQLFunction("max", args: SQLColumn("occurred_at_us"))) { query in
            query.where("actor_id", .equal, actorID).where("record_type", .equal, recordType).where("record_id", .in, recordIDs)
        }
    }

    /// The first allowed read made in `role` of each record of this patient whose id starts with
    /// `prefix` (a patient opening their learning modules).
    func first(of patientID: UUID, role: Role, recordType: String, recordIDPrefix prefix: String) async throws -> [String: Date] {
        try await times(SQLFunction("min", args: SQLColumn("occurred_at_us"))) { query in
            query.where("patient_id", .equal, patientID).where("actor_role", .equal, role.rawValue).where("record_type", .equal, recordType)
                .where("record_id", .like, prefix + "%")
        }
    }

    private func times(_ aggregate: SQLFunction, _ narrow: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [String: Date] {
        guard let sql = database as? any SQLDatabase else { return [:] }
        let query = sql.select().column("record_id").column(aggregate, as: "read_at_us").from(AuditEventRecord.schema)
            .where("action", .equal, AccessAction.read.rawValue).where("outcome", .equal, AuditOutcome.allowed.rawValue)
        let rows = try await narrow(query).groupBy("record_id").all()
        var times: [String: Date] = [:]
        for row in rows {
            guard let recordID = try row.decode(column: "record_id", as: String?.self) else { continue }
            times[recordID] = AuditTime.date(fromMicroseconds: try row.decode(column: "read_at_us", as: Int64.self))
        }
        return times
    }
}
