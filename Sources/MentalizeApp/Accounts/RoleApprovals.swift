import Fluent
import Foundation
import MentalizeCore

/// Separation of duties for clinical access (issue 14, F3): an admin may propose a clinical role
/// (therapist, supervisor, programme lead) but never grant it. A programme lead other than the
/// proposer and the account's owner approves or refuses; while the clinic has no active programme
/// lead, a second admin may approve the first lead, and only that. Until then the account holds
/// no clinical role, so it reaches no patient.
struct RoleApprovals {
    let database: any Database
    let now: Date

    /// Why a decision was refused.
    enum Refusal: Error, Equatable {
        case notFound
        case alreadyDecided
        case notAllowed
    }

    /// Roles only a second person can grant.
    static let clinicalRoles: Set<String> = Set(Role.clinicalStaff.map(\.rawValue))

    func propose(_ roles: [String], for userID: UUID, by proposer: UUID) async throws {
        for role in roles where Self.clinicalRoles.contains(role) {
            try await RoleGrantRecord(userID: userID, role: role, proposedBy: proposer, proposedAt: now).create(on: database)
        }
    }

    /// Proposals waiting for a decision, oldest first, with the account and the proposer.
    func pending() async throws -> [RoleGrantRecord] {
        try await AccountQueries(database: database).pendingGrants()
    }

    /// How many proposals wait, counted in SQL (for the home page's notice).
    func pendingCount() async throws -> Int {
        try await AccountQueries(database: database).pendingGrantCount()
    }

    /// Whether `decider` may decide `grant`: never their own proposal or their own account; a
    /// lead may decide any; an admin only the first programme lead of a clinic that has none
    /// (`clinicHasLead` from ``hasActiveLead()``, read once for a page of proposals).
    static func mayDecide(_ grant: RoleGrantRecord, decider: SignedInUser, clinicHasLead: Bool) -> Bool {
        guard grant.$proposer.id != decider.id, grant.$user.id != decider.id else { return false }
        let roles = Set(decider.roles.compactMap(Role.init(rawValue:)))
        if roles.contains(.programmeLead) { return true }
        return roles.contains(.admin) && grant.role == Role.programmeLead.rawValue && !clinicHasLead
    }

    /// Approves or refuses; an approval adds the role and ends the account's sessions, so the
    /// role applies at the next sign-in (with the second factor every clinician gives).
    func decide(_ grantID: UUID, approve: Bool, by decider: SignedInUser) async throws -> RoleGrantRecord {
        guard let grant = try await AccountQueries(database: database).grant(grantID) else { throw Refusal.notFound }
        guard grant.approved == nil else { throw Refusal.alreadyDecided }
        guard Self.mayDecide(grant, decider: decider, clinicHasLead: try await hasActiveLead()) else { throw Refusal.notAllowed }
        try await database.transaction { db in
            grant.approved = approve
            grant.$decider.id = decider.id
            grant.decidedAt = now
            try await grant.save(on: db)
            guard approve else { return }
            let account = grant.user
            account.roles = Array(Set(account.roleNames + [grant.role])).sorted().joined(separator: ",")
            try await account.save(on: db)
            try await AccountQueries(database: db).endSessions(of: grant.$user.id)
        }
        return grant
    }

    /// When the account last gained a clinical role through approval; nil when it never needed
    /// one (accounts made by the operator at the host, or before approvals existed).
    func clinicalRoleApproved(for userID: UUID) async throws -> Date? {
        try await AccountQueries(database: database).lastApproval(of: userID)
    }

    /// Whether any enabled account holds the programme lead role.
    func hasActiveLead() async throws -> Bool {
        try await AccountQueries(database: database).hasEnabledAccount(withRole: Role.programmeLead.rawValue)
    }
}
