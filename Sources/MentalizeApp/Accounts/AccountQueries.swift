import Fluent
import Foundation

/// The accounts tables as the account pages, commands and role approvals read them.
struct AccountQueries {
    let database: any Database

    /// Every account, by username.
    func all() async throws -> [UserAccount] {
        try await UserAccount.query(on: database).sort(\.$username).all()
    }

    /// The account with this (already normalised) username.
    func account(named username: String) async throws -> UserAccount? {
        try await UserAccount.query(on: database).filter(\.$username == username).first()
    }

    /// The account's password and second-factor credential.
    func credential(of userID: UUID) async throws -> Credential? {
        try await Credential.query(on: database).filter(\.$user.$id == userID).first()
    }

    /// Ends every sign-in session of the account (its roles or password changed).
    func endSessions(of userID: UUID) async throws {
        try await UserSession.query(on: database).filter(\.$user.$id == userID).delete()
    }

    /// Whether any enabled account holds this role.
    func hasEnabledAccount(withRole role: String) async throws -> Bool {
        try await UserAccount.query(on: database).filter(\.$disabledAt == nil).all().contains { $0.roleNames.contains(role) }
    }

    /// Role proposals waiting for a decision, oldest first, with the account and the proposer.
    func pendingGrants() async throws -> [RoleGrantRecord] {
        try await RoleGrantRecord.query(on: database).filter(\.$approved == nil).sort(\.$proposedAt).with(\.$user).with(\.$proposer).all()
    }

    /// How many role proposals wait, counted in SQL.
    func pendingGrantCount() async throws -> Int {
        try await RoleGrantRecord.query(on: database).filter(\.$approved == nil).count()
    }

    /// One role proposal with its account.
    func grant(_ id: UUID) async throws -> RoleGrantRecord? {
        try await RoleGrantRecord.query(on: database).filter(\.$id == id).with(\.$user).first()
    }

    /// When the account last gained a role through approval.
    func lastApproval(of userID: UUID) async throws -> Date? {
        try await RoleGrantRecord.query(on: database).filter(\.$user.$id == userID).filter(\.$approved == true)
            .sort(\.$decidedAt, .descending).first()?.decidedAt
    }
}
