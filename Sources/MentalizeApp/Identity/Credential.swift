import Fluent
import Foundation

/// A user's sign-in secrets: the password hash and the (sealed) TOTP secret.
final class Credential: Model, @unchecked Sendable {
    static let schema = "credentials"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "password_changed_at") var passwordChangedAt: Date
    /// The TOTP secret, sealed with the installation's field key (never stored in clear).
    @OptionalField(key: "totp_secret_sealed") var totpSecretSealed: String?
    @OptionalField(key: "totp_enabled_at") var totpEnabledAt: Date?
    /// The last TOTP time step accepted, so a code cannot be used twice.
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?

    init() {}

    init(id: UUID? = nil, userID: UUID, passwordHash: String, passwordChangedAt: Date) {
        self.id = id
        self.$user.id = userID
        self.passwordHash = passwordHash
        self.passwordChangedAt = passwordChangedAt
    }
}

/// One single-use recovery code for the second factor, stored hashed.
final class RecoveryCode: Model, @unchecked Sendable {
    static let schema = "recovery_codes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(id: UUID? = nil, userID: UUID, codeHash: String) {
        self.id = id
        self.$user.id = userID
        self.codeHash = codeHash
    }
}
