import Fluent
import Foundation
import MentalizeCore

/// What "who has looked at my record" reads: the allowed accesses of other people to these
/// patients' records, and the names of the staff who made them.
struct RecordAccessQueries {
    let database: any Database

    /// Allowed accesses to these patients' records by anyone but `reader`, newest first.
    func readsByOthers(of patientIDs: [UUID], reader: UUID, limit: Int) async throws -> [AuditEventRecord] {
        guard !patientIDs.isEmpty else { return [] }
        return try await AuditEventRecord.query(on: database).filter(\.$patientID ~~ patientIDs).filter(\.$actorID != reader)
            .filter(\.$outcome == AuditOutcome.allowed.rawValue).sort(\.$sequence, .descending).limit(limit).all()
    }
}
