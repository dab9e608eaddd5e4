import Fluent
import Foundation
import MentalizeCore
import SQLKit
import Vapor

/// Raises risk alerts to named people, moves them through their lifecycle and escalates the
/// ones nobody acknowledged in time to the programme lead(s).
struct RiskAlerts {
    let request: Request

    /// Creates an alert for the patient's current caseload therapists; with nobody on the
    /// caseload it goes straight to the programme lead(s).
    @discardableResult
    func raise(patientID: UUID, source: AlertSource, sourceID: UUID?, instrumentID: String?, score: ScoreResult, raisedBy access: PatientAccess) async throws -> RiskAlert {
        try await raise(patientID: patientID, source: source, sourceID: sourceID, instrumentID: instrumentID,
                        ruleIDs: score.risk.matchedRules, level: score.risk.level ?? .high, raisedBy: access)
    }

    @discardableResult
    func raise(patientID: UUID, source: AlertSource, sourceID: UUID?, instrumentID: String?, ruleIDs: [String], level: RiskLevel, raisedBy access: PatientAccess) async throws -> RiskAlert {
        let now = request.now
        let therapists = try await caseloadTherapists(of: patientID)
        let alert = RiskAlert()
        alert.$patient.id = patientID
        alert.sourceName = source.rawValue
        alert.sourceID = sourceID
        alert.instrumentID = instrumentID
        alert.ruleIDs = ruleIDs.joined(separator: ",")
        alert.level = level.rawValue
        alert.state = RiskAlertState.open.rawValue
        alert.raisedAt = now
        let leads = therapists.isEmpty ? try await programmeLeads(for: patientID) : []
        if therapists.isEmpty { alert.escalatedAt = now }
        let request = self.request
        try await request.db.transaction { database in
            try await alert.create(on: database)
            let alertID = try alert.requireID()
            for user in Set(therapists) { try await RiskAlertRecipient(alertID: alertID, userID: user, reason: "caseload", addedAt: now).create(on: database) }
            for user in Set(leads) { try await RiskAlertRecipient(alertID: alertID, userID: user, reason: "escalation", addedAt: now).create(on: database) }
            try await RiskAlertNotices(database: database, outbox: try request.outbox(on: database))
                .tell(Set(therapists).union(leads), about: alertID, kind: therapists.isEmpty ? .alertEscalation : .riskAlert, raisedAt: now)
        }
        try await access.recordSideEffect(patientID: patientID, recordType: RecordKind.riskAlert.rawValue, recordID: try alert.requireID().uuidString)
        return alert
    }

    /// The patient's current caseload therapists: who an alert about them goes to.
    func caseloadTherapists(of patientID: UUID) async throws -> [UUID] {
        try await AlertStore(database: request.db).caseloadTherapists(of: patientID, at: request.now)
    }

    /// Moves an alert one step on; why not when the step is not the next one.
    func advance(_ alert: RiskAlert, to target: RiskAlertState, by userID: UUID, action: String?) async throws -> AlertStepRefusal? {
        guard let state = RiskAlertState(rawValue: alert.state) else { return .unknownState }
        if let refusal = state.refusal(moving: target) { return refusal }
        switch target {
        case .acknowledged: (alert.$acknowledgedBy.id, alert.acknowledgedAt) = (userID, request.now)
        case .actionRecorded: (alert.action, alert.$actionBy.id, alert.actionAt) = (action, userID, request.now)
        case .resolved: (alert.$resolvedBy.id, alert.resolvedAt) = (userID, request.now)
        case .open: return .cannotReopen
        }
        alert.state = target.rawValue
        try await alert.save(on: request.db)
        return nil
    }

    private func programmeLeads(for patientID: UUID) async throws -> [UUID] {
        try await AlertStore(database: request.db).programmeLeads(for: patientID)
    }
}
