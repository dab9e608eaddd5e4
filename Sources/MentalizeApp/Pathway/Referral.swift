import Fluent
import Foundation

/// A referral into the programme: who referred, when it arrived, why, and how urgent it is.
final class Referral: Model, @unchecked Sendable {
    static let schema = "referrals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "source") var source: String
    /// ISO 8601 calendar date (yyyy-mm-dd).
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "reason") var reason: String
    /// `routine`, `soon` or `urgent`.
    @Field(key: "urgency") var urgency: String
    @Parent(key: "created_by") var createdBy: UserAccount
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, patientID: UUID, source: String, receivedOn: String, reason: String, urgency: String, createdBy: UUID) {
        self.id = id
        self.$patient.id = patientID
        self.source = source
        self.receivedOn = receivedOn
        self.reason = reason
        self.urgency = urgency
        self.$createdBy.id = createdBy
    }
}
