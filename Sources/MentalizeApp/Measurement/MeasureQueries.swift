import Fluent
import Foundation
import MentalizeCore

/// The measurement tables as the pages and jobs read them: assignments, responses and the plan.
struct MeasureQueries {
    let database: any Database

    /// A response already stored under this form's key (for this patient, when given).
    func response(idempotencyKey key: String, patientID: UUID? = nil) async throws -> MeasureResponse? {
        var query = MeasureResponse.query(on: database).filter(\.$idempotencyKey == key)
        if let patientID { query = query.filter(\.$patient.$id == patientID) }
        return try await query.first()
    }

    /// The patient's completed responses (instrument and time only), newest first.
    func completedSummaries(of patientID: UUID) async throws -> [MeasureResponse] {
        try await MeasureResponse.query(on: database).filter(\.$patient.$id == patientID).filter(\.$completedAt != nil)
            .field(\.$id).field(\.$instrumentID).field(\.$completedAt).sort(\.$completedAt, .descending).all()
    }

    /// The unfinished response this person started for the instrument (and assignment, when given).
    func unfinished(patientID: UUID, instrumentID: String, enteredBy userID: UUID, assignmentID: UUID?) async throws -> MeasureResponse? {
        var query = MeasureResponse.query(on: database).filter(\.$patient.$id == patientID).filter(\.$instrumentID == instrumentID)
            .filter(\.$enteredBy.$id == userID).filter(\.$completedAt == nil)
        if let assignmentID { query = query.filter(\.$assignment.$id == assignmentID) }
        return try await query.first()
    }

    /// The patient's completed responses (of one instrument, when given), oldest first.
    func completedResponses(of patientID: UUID, instrumentID: String?) async throws -> [MeasureResponse] {
        var query = MeasureResponse.query(on: database).filter(\.$patient.$id == patientID).filter(\.$completedAt != nil)
        if let instrumentID { query = query.filter(\.$instrumentID == instrumentID) }
        return try await query.sort(\.$completedAt).all()
    }

    /// The completed responses of several patients, oldest first (one query for a caseload).
    func completedResponses(ofPatients patientIDs: [UUID]) async throws -> [MeasureResponse] {
        guard !patientIDs.isEmpty else { return [] }
        return try await MeasureResponse.query(on: database).filter(\.$patient.$id ~~ patientIDs).filter(\.$completedAt != nil).sort(\.$completedAt).all()
    }

    /// Which of these schedule keys already have an assignment.
    func assignedScheduleKeys(among keys: [String]) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return Set(try await MeasureAssignment.query(on: database).filter(\.$scheduleKey ~~ keys).all().map(\.scheduleKey))
    }

    /// The clinic's plan items for one phase.
    func planItems(clinicID: UUID, phase: ProgrammePhase) async throws -> [MeasurePlanItemRecord] {
        try await MeasurePlanItemRecord.query(on: database).filter(\.$clinic.$id == clinicID).filter(\.$phase == phase.rawValue).all()
    }

    /// The patient's own response with this id.
    func response(_ id: UUID, patientID: UUID) async throws -> MeasureResponse? {
        try await MeasureResponse.query(on: database).filter(\.$id == id).filter(\.$patient.$id == patientID).first()
    }

    /// The patient's assignment with this id, if it is neither done nor cancelled.
    func openAssignment(_ id: UUID, patientID: UUID) async throws -> MeasureAssignment? {
        try await MeasureAssignment.query(on: database).filter(\.$id == id).filter(\.$patient.$id == patientID)
            .filter(\.$completedAt == nil).filter(\.$cancelledAt == nil).first()
    }

    /// The patient's assignments neither done nor cancelled (of one instrument, when given),
    /// earliest due first, or the `limit` latest due first.
    func openAssignments(patientID: UUID, instrumentID: String? = nil, latestFirst limit: Int? = nil) async throws -> [MeasureAssignment] {
        var query = MeasureAssignment.query(on: database).filter(\.$patient.$id == patientID).filter(\.$completedAt == nil).filter(\.$cancelledAt == nil)
        if let instrumentID { query = query.filter(\.$instrumentID == instrumentID) }
        if let limit { return try await query.sort(\.$dueAt, .descending).limit(limit).all() }
        return try await query.sort(\.$dueAt).all()
    }

    /// Assignments of these patients neither done nor cancelled and due before `instant`.
    func openAssignments(patientIDs: [UUID], dueBefore instant: Date) async throws -> [MeasureAssignment] {
        guard !patientIDs.isEmpty else { return [] }
        return try await MeasureAssignment.query(on: database).filter(\.$patient.$id ~~ patientIDs)
            .filter(\.$completedAt == nil).filter(\.$cancelledAt == nil).filter(\.$dueAt < instant).all()
    }

    /// The clinic's plan items.
    func planItems(clinicID: UUID) async throws -> [MeasurePlanItemRecord] {
        try await MeasurePlanItemRecord.query(on: database).filter(\.$clinic.$id == clinicID).all()
    }

    /// One plan item of the clinic.
    func planItem(_ id: UUID, clinicID: UUID) async throws -> MeasurePlanItemRecord? {
        try await MeasurePlanItemRecord.query(on: database).filter(\.$id == id).filter(\.$clinic.$id == clinicID).first()
    }

    /// The phases any clinic's plan has items for.
    func plannedPhases() async throws -> Set<String> {
        Set(try await MeasurePlanItemRecord.query(on: database).all().map(\.phase))
    }

    /// The clinic's patients in a phase.
    func patients(clinicID: UUID, phase: ProgrammePhase) async throws -> [Patient] {
        try await Patient.query(on: database).filter(\.$clinic.$id == clinicID).filter(\.$phase == phase.rawValue).all()
    }

    /// The next `limit` patients in these phases with ids after `after`, by id (for batches).
    func patients(inPhases phases: Set<String>, after: UUID?, limit: Int) async throws -> [Patient] {
        var query = Patient.query(on: database).filter(\.$phase ~~ Array(phases)).sort(\.$id).limit(limit)
        if let after { query = query.filter(\.$id > after) }
        return try await query.all()
    }
}
