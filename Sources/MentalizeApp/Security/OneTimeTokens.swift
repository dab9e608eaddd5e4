import Fluent
import Foundation
import SQLKit

/// Issues and redeems ``OneTimeToken``s. The raw token (256 random bits) exists only in the link
/// handed back by ``issue(_:lifetime:now:on:configure:)``; redeeming is a conditional update, so a
/// link used twice at once is accepted once, on SQLite and PostgreSQL alike.
struct OneTimeTokens {
    let database: any Database

    /// Creates a token and returns its raw value; `configure` fills in who and what it is for.
    func issue(_ purpose: OneTimeToken.Purpose, lifetime: TimeInterval, now: Date, configure: (OneTimeToken) -> Void = { _ in }) async throws -> String {
        let raw = SecretToken.make()
        let token = OneTimeToken(purpose: purpose, tokenHash: SecretToken.hash(raw), createdAt: now, expiresAt: now.addingTimeInterval(lifetime))
        configure(token)
        try await token.create(on: database)
        return raw
    }

    /// The live token of this purpose whose raw value is `raw`, or nil (unknown, used, revoked, expired).
    func live(_ raw: String, purpose: OneTimeToken.Purpose, now: Date) async throws -> OneTimeToken? {
        guard raw.utf8.count <= 100, !raw.isEmpty else { return nil }
        let token = try await OneTimeToken.query(on: database)
            .filter(\.$tokenHash == SecretToken.hash(raw)).filter(\.$purpose == purpose.rawValue).first()
        return token.flatMap { $0.isLive(at: now) ? $0 : nil }
    }

    /// Marks the token used if it still is live; false when another request used it first.
    func redeem(_ token: OneTimeToken, now: Date) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { return false }
        let rows = try await sql.update(OneTimeToken.schema)
            .set("used_at", to: now)
            .where("id", .equal, try token.requireID())
            .where("used_at", .is, SQLLiteral.null).where("revoked_at", .is, SQLLiteral.null)
            .where("expires_at", .greaterThan, now)
            .returning("id").all()
        return !rows.isEmpty
    }

    /// The newest token of this purpose for a patient (an invitation's state on the chart).
    func latest(_ purpose: OneTimeToken.Purpose, patientID: UUID) async throws -> OneTimeToken? {
        try await OneTimeToken.query(on: database).filter(\.$purpose == purpose.rawValue).filter(\.$patientID == patientID)
            .sort(\.$createdAt, .descending).first()
    }

    /// The newest token of this purpose for an account (a reset asked for a moment ago is not sent again).
    func latest(_ purpose: OneTimeToken.Purpose, userID: UUID) async throws -> OneTimeToken? {
        try await OneTimeToken.query(on: database).filter(\.$purpose == purpose.rawValue).filter(\.$userID == userID)
            .sort(\.$createdAt, .descending).first()
    }

    /// Revokes every live token of this purpose for a patient (an invitation resent or withdrawn).
    func revokeLive(_ purpose: OneTimeToken.Purpose, patientID: UUID, now: Date) async throws {
        try await OneTimeToken.query(on: database)
            .filter(\.$purpose == purpose.rawValue).filter(\.$patientID == patientID)
            .filter(\.$usedAt == nil).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }

    /// Revokes every live token of this purpose for an account (a newer reset link replaces older ones).
    func revokeLive(_ purpose: OneTimeToken.Purpose, userID: UUID, now: Date) async throws {
        try await OneTimeToken.query(on: database)
            .filter(\.$purpose == purpose.rawValue).filter(\.$userID == userID)
            .filter(\.$usedAt == nil).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }
}
