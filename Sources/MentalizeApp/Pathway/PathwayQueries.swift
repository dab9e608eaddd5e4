import Fluent
import Foundation

/// Queries over a patient's pathway records that other features read: what the patient wrote in
/// answer to their formulation and the events they reported themselves.
struct PathwayQueries {
    let database: any Database

    /// The patient's agreements and comments on shared formulation versions, oldest first.
    func formulationResponses(patientID: UUID) async throws -> [FormulationResponse] {
        try await FormulationResponse.query(on: database).filter(\.$patient.$id == patientID).with(\.$version).sort(\.$createdAt).all()
    }

    /// The newest referral of the patient.
    func latestReferral(of patientID: UUID) async throws -> Referral? {
        try await Referral.query(on: database).filter(\.$patient.$id == patientID).sort(\.$receivedOn, .descending).first()
    }

    /// Every clinical event of the patient (kind, date, who reported it), newest first.
    func eventSummaries(of patientID: UUID) async throws -> [ClinicalEventRecord] {
        try await ClinicalEventRecord.query(on: database).filter(\.$patient.$id == patientID)
            .field(\.$id).field(\.$kind).field(\.$occurredOn).field(\.$patientReported).sort(\.$occurredOn, .descending).all()
    }

    /// The events the patient reported themselves (not those staff recorded), oldest first.
    func selfReports(patientID: UUID) async throws -> [ClinicalEventRecord] {
        try await ClinicalEventRecord.query(on: database).filter(\.$patient.$id == patientID).filter(\.$patientReported == true).sort(\.$recordedAt).all()
    }
}
