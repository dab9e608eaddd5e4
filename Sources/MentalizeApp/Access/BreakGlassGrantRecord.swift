import Fluent
import Foundation

/// A time-boxed emergency access grant to a patient outside the user's relationships.
final class BreakGlassGrantRecord: Model, @unchecked Sendable {
    static let schema = "break_glass_grants"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserAccount
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "reason") var reason: String
    @Field(key: "granted_at") var grantedAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(id: UUID? = nil, userID: UUID, patientID: UUID, reason: String, grantedAt: Date, expiresAt: Date) {
        self.id = id
        self.$user.id = userID
        self.$patient.id = patientID
        self.reason = reason
        self.grantedAt = grantedAt
        self.expiresAt = expiresAt
    }
}
