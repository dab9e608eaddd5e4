import Fluent
import Foundation
import MentalizeCore

/// Clinical-event queries.
struct ClinicalEventQueries {
    let database: any Database

    /// A patient's events, newest first.
    func events(of patientID: UUID) async throws -> [ClinicalEventRecord] {
        try await ClinicalEventRecord.query(on: database).filter(\.$patient.$id == patientID)
            .sort(\.$occurredOn, .descending).sort(\.$recordedAt, .descending).with(\.$recordedBy).all()
    }

    /// Whether an event with this idempotency key was already recorded (a resent form).
    func exists(idempotencyKey key: String) async throws -> Bool {
        try await ClinicalEventRecord.query(on: database).filter(\.$idempotencyKey == key).count() > 0
    }
}
