import Fluent
import Foundation

/// One row describing this installation: which secret key its data belongs to.
final class Installation: Model, @unchecked Sendable {
    static let schema = "installation"

    @ID(key: .id) var id: UUID?
    @Field(key: "key_fingerprint") var keyFingerprint: String
    /// When the installation's clinic was created; set once, by a conditional update.
    @OptionalField(key: "founded_at") var foundedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, keyFingerprint: String) {
        self.id = id
        self.keyFingerprint = keyFingerprint
    }
}
