import Fluent
import Foundation
import MentalizeCore

/// The care-team relationships the lead's page lists and checks.
struct CareTeamQueries {
    let database: any Database

    /// Caseload rows of this pair, ended or not.
    func caseloadRows(therapist: UUID, patient: UUID) async throws -> [CaseloadAssignmentRecord] {
        try await CaseloadAssignmentRecord.query(on: database).filter(\.$therapist.$id == therapist).filter(\.$patient.$id == patient).all()
    }

    /// Supervision links of this pair, ended or not.
    func supervisionLinks(supervisor: UUID, therapist: UUID) async throws -> [SupervisionLinkRecord] {
        try await SupervisionLinkRecord.query(on: database).filter(\.$supervisor.$id == supervisor).filter(\.$therapist.$id == therapist).all()
    }

    /// The therapist's supervision links that review notes (approve or co-sign), ended ones too.
    func reviewingLinks(therapist: UUID) async throws -> [SupervisionLinkRecord] {
        try await SupervisionLinkRecord.query(on: database).filter(\.$therapist.$id == therapist).filter(\.$mode ~~ ["approve", "co-sign"]).all()
    }

    /// Every account, the disabled ones too (a relationship can outlive its account).
    func accounts() async throws -> [UserAccount] {
        try await UserAccount.query(on: database).all()
    }

    /// Caseload rows current at `now`, with their patients, oldest first.
    func currentCaseload(at now: Date) async throws -> [CaseloadAssignmentRecord] {
        try await CaseloadAssignmentRecord.query(on: database).with(\.$patient).sort(\.$startsAt).all()
            .filter { ValidityPeriod(start: $0.startsAt, end: $0.endsAt).isCurrent(at: now) }
    }

    /// Supervision links current at `now`, oldest first.
    func currentSupervision(at now: Date) async throws -> [SupervisionLinkRecord] {
        try await SupervisionLinkRecord.query(on: database).sort(\.$startsAt).all()
            .filter { ValidityPeriod(start: $0.startsAt, end: $0.endsAt).isCurrent(at: now) }
    }
}
