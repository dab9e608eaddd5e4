import Fluent
import Foundation
import MentalizeCore
import SQLKit

/// Staff who opened the records of unusually many different patients in the last 24 hours, from
/// the audit log, for the programme lead's home (issue 14, F3): a fresh account reading every
/// patient's identifiers shows up here the same day, whatever role it holds.
struct UnusualReadVolumes {
    /// One account and how many different patients' records it opened.
    struct Reader: Sendable, Equatable {
        let actorID: UUID
        let patients: Int
    }

    let database: any Database

    /// Accounts that read `threshold` or more different patients since `now` − 24 h, most first.
    func readers(now: Date, threshold: Int) async throws -> [Reader] {
        guard let sql = database as? any SQLDatabase else { return [] }
        let since = AuditTime.microseconds(now.addingTimeInterval(-86_400))
        let rows = try await sql.raw("""
            SELECT actor_id, COUNT(DISTINCT patient_id) AS patients FROM \(ident: AuditEventRecord.schema)
            WHERE occurred_at_us >= \(bind: since) AND action = \(bind: AccessAction.read.rawValue) AND outcome = 'allowed'
              AND patient_id IS NOT NULL AND actor_id IS NOT NULL
            GROUP BY actor_id HAVING COUNT(DISTINCT patient_id) >= \(bind: threshold) ORDER BY patients DESC
            """).all()
        return try rows.map { Reader(actorID: try $0.decode(column: "actor_id", as: UUID.self), patients: try $0.decode(column: "patients", as: Int.self)) }
    }
}
