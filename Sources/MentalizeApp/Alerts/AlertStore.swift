import Fluent
import Foundation
import MentalizeCore

/// The only code that reads the alert tables: the alerts addressed to someone within their list
/// scope, an alert's recipients, the overdue ones, and who an alert goes to. Access is decided by
/// the caller (the scope is the policy's, applied here in SQL).
struct AlertStore {
    let database: any Database

    /// Alerts addressed to `userID` whose patients are in `scope`, with their patients; the open
    /// ones oldest first (the banner), or all of them newest first (the alerts page).
    func addressed(to userID: UUID, scope: ListScope, openOnly: Bool, limit: Int) async throws -> [RiskAlert] {
        guard !scope.isEmpty else { return [] }
        let addressed = try await RiskAlertRecipient.query(on: database).filter(\.$user.$id == userID).all().map(\.$alert.id)
        guard !addressed.isEmpty else { return [] }
        var query = RiskAlert.query(on: database).filter(\.$id ~~ addressed)
        if openOnly { query = query.filter(\.$state == RiskAlertState.open.rawValue) }
        if !scope.allRows { query = query.filter(\.$patient.$id ~~ scope.patients.map(\.rawValue)) }
        return try await query.with(\.$patient).sort(\.$raisedAt, openOnly ? .ascending : .descending).limit(limit).all()
    }

    /// The patient's latest alerts, newest first.
    func latest(for patientID: UUID, limit: Int) async throws -> [RiskAlert] {
        try await RiskAlert.query(on: database).filter(\.$patient.$id == patientID).sort(\.$raisedAt, .descending).limit(limit).all()
    }

    /// The alerts about these patients that are not resolved yet.
    func unresolved(for patientIDs: [UUID]) async throws -> [RiskAlert] {
        guard !patientIDs.isEmpty else { return [] }
        return try await RiskAlert.query(on: database).filter(\.$patient.$id ~~ patientIDs).filter(\.$state != RiskAlertState.resolved.rawValue).all()
    }

    /// Who an alert went to, and why, in the order they were added.
    func recipients(of alertID: UUID) async throws -> [RiskAlertRecipient] {
        try await RiskAlertRecipient.query(on: database).filter(\.$alert.$id == alertID).with(\.$user).sort(\.$addedAt).all()
    }

    /// Open alerts nobody acknowledged and nobody escalated, raised before `cutoff`.
    func overdue(raisedBefore cutoff: Date, limit: Int) async throws -> [RiskAlert] {
        try await RiskAlert.query(on: database).filter(\.$state == RiskAlertState.open.rawValue)
            .filter(\.$escalatedAt == nil).filter(\.$raisedAt <= cutoff).limit(limit).all()
    }

    /// The patient's current caseload therapists: who an alert about them goes to.
    func caseloadTherapists(of patientID: UUID, at now: Date) async throws -> [UUID] {
        try await CaseloadAssignmentRecord.query(on: database).filter(\.$patient.$id == patientID)
            .filter(\.$startsAt <= now).group(.or) { $0.filter(\.$endsAt == nil).filter(\.$endsAt > now) }.all().map(\.$therapist.id)
    }

    /// The enabled programme leads of the patient's clinic.
    func programmeLeads(for patientID: UUID) async throws -> [UUID] {
        guard let patient = try await Patient.find(patientID, on: database) else { return [] }
        return try await UserAccount.query(on: database).filter(\.$clinic.$id == patient.$clinic.id).filter(\.$disabledAt == nil).all()
            .filter { $0.roleNames.contains(Role.programmeLead.rawValue) }.compactMap(\.id)
    }
}
