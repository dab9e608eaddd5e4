import Fluent
import Foundation
import MentalizeCore

/// The queries behind the assessment page and the chart (tested directly).
struct AssessmentQueries {
    let database: any Database

    /// The newest risk assessment of the patient.
    func latestRiskAssessment(of patientID: UUID) async throws -> RiskAssessmentRecord? {
        try await RiskAssessmentRecord.query(on: database).filter(\.$patient.$id == patientID).sort(\.$assessedOn, .descending).sort(\.$recordedAt, .descending).first()
    }

    /// How many diagnostic interviews are recorded.
    func interviewCount(of patientID: UUID) async throws -> Int {
        try await DiagnosticInterviewRecord.query(on: database).filter(\.$patient.$id == patientID).count()
    }

    func interviews(of patientID: UUID) async throws -> [DiagnosticInterviewRecord] {
        try await DiagnosticInterviewRecord.query(on: database).filter(\.$patient.$id == patientID).sort(\.$conductedOn, .descending).sort(\.$recordedAt, .descending).all()
    }

    func risks(of patientID: UUID) async throws -> [RiskAssessmentRecord] {
        try await RiskAssessmentRecord.query(on: database).filter(\.$patient.$id == patientID).sort(\.$assessedOn, .descending).sort(\.$recordedAt, .descending).all()
    }

    func latestChecklist(of patientID: UUID) async throws -> SuitabilityChecklistRecord? {
        try await SuitabilityChecklistRecord.query(on: database).filter(\.$patient.$id == patientID).sort(\.$recordedAt, .descending).with(\.$recordedBy).first()
    }

    func participants(of decisionID: UUID?) async throws -> String? {
        guard let decisionID else { return nil }
        return try await MDTParticipantsRecord.query(on: database).filter(\.$decision.$id == decisionID).first()?.participants
    }
}
