import Fluent
import Foundation
import MentalizeCore

/// Turns the clinic's measurement plan into assignments: every due date of each patient's current
/// phase that has not expired yet, created once (the schedule key is unique, so nodes that sync at
/// the same time cannot create it twice). Several patients (a caseload) are synced with one query
/// per table and per clinic phase, not per patient.
struct AssignmentSync {
    let database: any Database
    let settings: MeasurementSettings
    let now: Date

    func sync(_ patient: Patient) async throws {
        try await sync([patient])
    }

    func sync(_ patients: [Patient]) async throws {
        let ids = patients.compactMap(\.id)
        guard !ids.isEmpty else { return }
        let starts = try await phaseStarts(of: patients)
        var plans: [String: [MeasurementPlanItem]] = [:]
        var due: [(patientID: UUID, item: MeasurementSchedule.Due)] = []
        for patient in patients {
            guard let phase = ProgrammePhase(rawValue: patient.phase), let patientID = patient.id else { continue }
            let planKey = "\(patient.$clinic.id.uuidString)|\(phase.rawValue)"
            let plan: [MeasurementPlanItem]
            if let known = plans[planKey] {
                plan = known
            } else {
                plan = try await self.plan(clinicID: patient.$clinic.id, phase: phase)
                plans[planKey] = plan
            }
            guard !plan.isEmpty else { continue }
            let start = starts[patientID] ?? patient.createdAt ?? now
            due += MeasurementSchedule.due(plan: plan, phase: phase, phaseStart: start, now: now)
                .filter { settings.window.status(dueAt: $0.dueAt, now: now, completed: false) != .expired }
                .filter { settings.catalog.definition(id: $0.instrumentId) != nil }
                .map { (patientID, $0) }
        }
        guard !due.isEmpty else { return }
        let keys = due.map { Self.key(patientID: $0.patientID, $0.item) }
        let existing = try await MeasureQueries(database: database).assignedScheduleKeys(among: keys)
        for (patientID, item) in due where !existing.contains(Self.key(patientID: patientID, item)) {
            try await create(item, for: patientID)
        }
    }

    private func create(_ item: MeasurementSchedule.Due, for patientID: UUID) async throws {
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
            guard try await !MeasureQueries(database: database).assignedScheduleKeys(among: [assignment.scheduleKey]).isEmpty else { throw error }
        }
    }

    private func plan(clinicID: UUID, phase: ProgrammePhase) async throws -> [MeasurementPlanItem] {
        try await MeasureQueries(database: database).planItems(clinicID: clinicID, phase: phase)
            .compactMap { record in
                record.id.map { MeasurementPlanItem(id: $0, phase: phase, instrumentId: record.instrumentID, firstDueDays: record.firstDueDays, repeatEveryDays: record.repeatEveryDays) }
            }
    }

    /// When each patient entered their current phase: the latest move into it (absent: registration).
    private func phaseStarts(of patients: [Patient]) async throws -> [UUID: Date] {
        let phases = Dictionary(patients.compactMap { patient in patient.id.map { ($0, patient.phase) } }, uniquingKeysWith: { first, _ in first })
        let moves = try await ProgrammeQueries(database: database).moves(of: Array(phases.keys))
        var starts: [UUID: Date] = [:]
        for move in moves where phases[move.$patient.id] == move.toStatus {
            starts[move.$patient.id] = max(starts[move.$patient.id] ?? move.occurredAt, move.occurredAt)
        }
        return starts
    }

    static func key(patientID: UUID, _ due: MeasurementSchedule.Due) -> String {
        "plan:\(patientID.uuidString):\(due.planItemID.uuidString):\(Int(due.dueAt.timeIntervalSince1970))"
    }
}
