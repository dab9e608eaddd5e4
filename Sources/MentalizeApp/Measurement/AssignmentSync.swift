import Fluent
import Foundation
import MentalizeCore

/// Turns the clinic's measurement plan into assignments for one patient: every due date of the
/// current phase that has not expired yet, created once (the schedule key is unique, so nodes
/// that sync at the same time cannot create it twice).
struct AssignmentSync {
    let database: any Database
    let settings: MeasurementSettings
    let now: Date

    func sync(_ patient: Patient) async throws {
        guard let phase = ProgrammePhase(rawValue: patient.phase), let patientID = patient.id else { return }
        let items = try await MeasurePlanItemRecord.query(on: database).filter(\.$clinic.$id == patient.$clinic.id).filter(\.$phase == phase.rawValue).all()
        guard !items.isEmpty else { return }
        let plan = items.compactMap { record in
            record.id.map { MeasurementPlanItem(id: $0, phase: phase, instrumentId: record.instrumentID, firstDueDays: record.firstDueDays, repeatEveryDays: record.repeatEveryDays) }
        }
        let start = try await phaseStart(of: patient, patientID: patientID)
        let due = MeasurementSchedule.due(plan: plan, phase: phase, phaseStart: start, now: now)
            .filter { settings.window.status(dueAt: $0.dueAt, now: now, completed: false) != .expired }
            .filter { settings.catalog.definition(id: $0.instrumentId) != nil }
        guard !due.isEmpty else { return }
        let keys = due.map { Self.key(patientID: patientID, $0) }
        let existing = Set(try await MeasureAssignment.query(on: database).filter(\.$scheduleKey ~~ keys).all().map(\.scheduleKey))
        for item in due where !existing.contains(Self.key(patientID: patientID, item)) {
            let assignment = MeasureAssignment()
            assignment.$patient.id = patientID
            assignment.instrumentID = item.instrumentId
            assignment.dueAt = item.dueAt
            assignment.planItemID = item.planItemID
            assignment.scheduleKey = Self.key(patientID: patientID, item)
            do {
                try await assignment.create(on: database)
            } catch {
                // Another node created it between the read and the write: the unique key held.
                guard try await MeasureAssignment.query(on: database).filter(\.$scheduleKey == assignment.scheduleKey).first() != nil else { throw error }
            }
        }
    }

    /// When the patient entered their current phase: the latest move into it, else registration.
    private func phaseStart(of patient: Patient, patientID: UUID) async throws -> Date {
        let move = try await ProgrammeTransitionRecord.query(on: database).filter(\.$patient.$id == patientID)
            .filter(\.$toStatus == patient.phase).sort(\.$occurredAt, .descending).first()
        return move?.occurredAt ?? patient.createdAt ?? now
    }

    static func key(patientID: UUID, _ due: MeasurementSchedule.Due) -> String {
        "plan:\(patientID.uuidString):\(due.planItemID.uuidString):\(Int(due.dueAt.timeIntervalSince1970))"
    }
}
