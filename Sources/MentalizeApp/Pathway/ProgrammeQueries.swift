import Fluent
import Foundation

/// The queries behind the programme section of the patient page.
struct ProgrammeQueries {
    let database: any Database

    func latestDecision(for patientID: UUID) async throws -> SuitabilityDecisionRecord? {
        try await SuitabilityDecisionRecord.query(on: database).filter(\.$patient.$id == patientID).sort(\.$decidedAt, .descending).with(\.$decidedBy).first()
    }

    /// Every programme move of these patients.
    func moves(of patientIDs: [UUID]) async throws -> [ProgrammeTransitionRecord] {
        guard !patientIDs.isEmpty else { return [] }
        return try await ProgrammeTransitionRecord.query(on: database).filter(\.$patient.$id ~~ patientIDs).all()
    }

    func history(for patientID: UUID) async throws -> [ProgrammeTransitionRecord] {
        try await ProgrammeTransitionRecord.query(on: database).filter(\.$patient.$id == patientID).sort(\.$occurredAt, .descending).with(\.$decidedBy).all()
    }
}
