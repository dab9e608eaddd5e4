import Fluent
import Foundation

/// A clinical role (therapist, supervisor, programme lead) proposed for an account by an admin,
/// and the second person's decision. The account holds the role only once it is approved.
final class RoleGrantRecord: Model, @unchecked Sendable {
    static let schema = "role_grants"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "role") var role: String
    @Parent(key: "proposed_by") var proposer: UserAccount
    @Field(key: "proposed_at") var proposedAt: Date
    @OptionalParent(key: "decided_by") var decider: UserAccount?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    /// Nil while waiting; true when approved, false when refused.
    @OptionalField(key: "approved") var approved: Bool?

    init() {}

    init(userID: UUID, role: String, proposedBy: UUID, proposedAt: Date) {
        self.$user.id = userID
        self.role = role
        self.$proposer.id = proposedBy
        self.proposedAt = proposedAt
    }
}
