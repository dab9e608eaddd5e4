import Fluent
import Foundation

/// A signed-in session (web cookie or API bearer token). Only the SHA-256 of the token is stored,
/// so a copy of the database does not let anyone sign in, and every app node sees every session.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: UserAccount
    /// `web` or `api`.
    @Field(key: "kind") var kind: String
    /// The synchronizer token every state-changing form must echo.
    @Field(key: "csrf_token") var csrfToken: String
    /// False until the second factor has been given (staff with TOTP).
    @Field(key: "second_factor_done") var secondFactorDone: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}

    init(id: UUID? = nil, tokenHash: String, userID: UUID, kind: String, csrfToken: String, secondFactorDone: Bool, now: Date) {
        self.id = id
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.kind = kind
        self.csrfToken = csrfToken
        self.secondFactorDone = secondFactorDone
        self.createdAt = now
        self.lastSeenAt = now
    }
}

/// Counts recent sign-in failures for one account or one client address (shared by all nodes).
final class ThrottleCounter: Model, @unchecked Sendable {
    static let schema = "throttle_counters"

    @ID(key: .id) var id: UUID?
    /// `account:<username>` or `address:<ip>`.
    @Field(key: "subject") var subject: String
    @Field(key: "failures") var failures: Int
    @Field(key: "last_failure_at") var lastFailureAt: Date

    init() {}

    init(id: UUID? = nil, subject: String, failures: Int, lastFailureAt: Date) {
        self.id = id
        self.subject = subject
        self.failures = failures
        self.lastFailureAt = lastFailureAt
    }
}
