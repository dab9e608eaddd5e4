import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Where the configured ``SessionRules`` live (idle 30 min and absolute 12 h by default;
/// `MENTALIZE_SESSION_IDLE_MINUTES` and `MENTALIZE_SESSION_ABSOLUTE_HOURS` change them).
struct SessionRulesKey: StorageKey {
    typealias Value = SessionRules
}

/// Creates, finds, refreshes and ends sessions. Sessions live in the database (hashed), so every app
/// node sees them and ending them on one node ends them everywhere.
struct SessionStore {
    let database: any Database
    let rules: SessionRules
    let now: Date

    /// Only refresh `last_seen_at` when it is older than this, to spare a write per request.
    static let touchInterval: TimeInterval = 60

    /// Starts a session and returns the token to hand to the client (never stored).
    func start(userID: UUID, kind: String, secondFactorDone: Bool) async throws -> (token: String, session: UserSession) {
        let token = SecretToken.make()
        let session = UserSession(tokenHash: SecretToken.hash(token), userID: userID, kind: kind, csrfToken: SecretToken.make(), secondFactorDone: secondFactorDone, now: now)
        try await session.create(on: database)
        return (token, session)
    }

    /// The live session for `token` (its user loaded), or nil; an expired one is deleted.
    func find(token: String, kind: String) async throws -> UserSession? {
        guard let session = try await UserSession.query(on: database)
            .filter(\.$tokenHash == SecretToken.hash(token))
            .filter(\.$kind == kind)
            .with(\.$user)
            .first() else { return nil }
        guard rules.isValid(createdAt: session.createdAt, lastSeen: session.lastSeenAt, now: now), session.user.disabledAt == nil else {
            try await session.delete(on: database)
            return nil
        }
        if now.timeIntervalSince(session.lastSeenAt) >= Self.touchInterval {
            session.lastSeenAt = now
            try await session.update(on: database)
        }
        return session
    }

    func end(_ session: UserSession) async throws {
        try await session.delete(on: database)
    }

    /// Ends every session of a user (sign out everywhere, account disabled, password reset).
    func endAll(userID: UUID) async throws {
        try await UserSession.query(on: database).filter(\.$user.$id == userID).delete()
    }
}

extension Request {
    var sessionStore: SessionStore {
        SessionStore(database: db, rules: application.storage[SessionRulesKey.self] ?? SessionRules(), now: now)
    }
}
