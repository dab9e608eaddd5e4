import Fluent
import Foundation

/// A single-use link's token, stored as its SHA-256 only: the first-run setup link, a portal
/// invitation, a password reset. A token ends when it is used, revoked or expires.
final class OneTimeToken: Model, @unchecked Sendable {
    static let schema = "one_time_tokens"

    /// What a token lets its holder do.
    enum Purpose: String, Sendable {
        case setup, invitation, passwordReset = "password-reset"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "purpose") var purpose: String
    @Field(key: "token_hash") var tokenHash: String
    /// The account a reset is for, or the account an invitation created once used.
    @OptionalField(key: "user_id") var userID: UUID?
    /// The patient record an invitation links the new account to.
    @OptionalField(key: "patient_id") var patientID: UUID?
    /// Where the link was sent.
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    init(purpose: Purpose, tokenHash: String, createdAt: Date, expiresAt: Date) {
        self.purpose = purpose.rawValue
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// Neither used, revoked nor expired at `now`.
    func isLive(at now: Date) -> Bool { usedAt == nil && revokedAt == nil && expiresAt > now }
}
