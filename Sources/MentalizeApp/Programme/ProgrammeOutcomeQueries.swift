import Fluent
import Foundation
import MentalizeCore

/// The rows behind the lead's outcome figures: which patients a programme type holds, and their
/// questionnaires, assignments, programme moves and referrals. Aggregated by the caller; no
/// names and no free text are read.
struct ProgrammeOutcomeQueries {
    let database: any Database

    func programmeTypes() async throws -> [ProgrammeType] {
        try await ProgrammeType.query(on: database).sort(\.$name).all()
    }

    /// Every patient, or those registered in one programme type.
    func patientIDs(programmeType: UUID?) async throws -> [UUID] {
        guard let programmeType else { return try await Patient.query(on: database).field(\.$id).all().compactMap(\.id) }
        return try await PatientDetails.query(on: database).filter(\.$programmeType.$id == programmeType).field(\.$patient.$id).all().map { $0.$patient.id }
    }

    /// Questionnaires completed in `[start, end)`, oldest first, with their scores.
    func completedResponses(of patientIDs: [UUID], start: Date, end: Date) async throws -> [MeasureResponse] {
        guard !patientIDs.isEmpty else { return [] }
        return try await MeasureResponse.query(on: database).filter(\.$patient.$id ~~ patientIDs)
            .filter(\.$completedAt >= start).filter(\.$completedAt < end)
            .field(\.$id).field(\.$patient.$id).field(\.$instrumentID).field(\.$completedAt).field(\.$scoreJSON)
            .sort(\.$completedAt).all()
    }

    /// Assignments that fell due in `[start, end)` and were not cancelled.
    func assignmentsDue(of patientIDs: [UUID], start: Date, end: Date) async throws -> [MeasureAssignment] {
        guard !patientIDs.isEmpty else { return [] }
        return try await MeasureAssignment.query(on: database).filter(\.$patient.$id ~~ patientIDs)
            .filter(\.$dueAt >= start).filter(\.$dueAt < end).filter(\.$cancelledAt == nil).all()
    }

    /// Every programme move of these patients, oldest first.
    func moves(of patientIDs: [UUID]) async throws -> [ProgrammeTransitionRecord] {
        guard !patientIDs.isEmpty else { return [] }
        return try await ProgrammeTransitionRecord.query(on: database).filter(\.$patient.$id ~~ patientIDs)
            .field(\.$id).field(\.$patient.$id).field(\.$fromStatus).field(\.$toStatus).field(\.$occurredAt).sort(\.$occurredAt).all()
    }

    /// The earliest referral date of each patient.
    func referralDates(of patientIDs: [UUID]) async throws -> [UUID: String] {
        guard !patientIDs.isEmpty else { return [:] }
        let referrals = try await Referral.query(on: database).filter(\.$patient.$id ~~ patientIDs).field(\.$id).field(\.$patient.$id).field(\.$receivedOn).all()
        return Dictionary(referrals.map { ($0.$patient.id, $0.receivedOn) }, uniquingKeysWith: min)
    }
}
