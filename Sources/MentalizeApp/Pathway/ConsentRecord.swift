import Fluent
import Foundation

/// One consent decision: a kind (treatment, data sharing, research) given or withdrawn, when, and
/// who recorded it. The latest record of each kind is the current state; earlier ones are history.
final class ConsentRecord: Model, @unchecked Sendable {
    static let schema = "consents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    /// `treatment`, `data-sharing` or `research`.
    @Field(key: "kind") var kind: String
    /// `given` or `withdrawn`.
    @Field(key: "state") var state: String
    @Field(key: "recorded_at") var recordedAt: Date
    @Parent(key: "recorded_by") var recordedBy: UserAccount

    init() {}

    init(id: UUID? = nil, patientID: UUID, kind: String, state: String, recordedAt: Date, recordedBy: UUID) {
        self.id = id
        self.$patient.id = patientID
        self.kind = kind
        self.state = state
        self.recordedAt = recordedAt
        self.$recordedBy.id = recordedBy
    }

    static let kinds = ["treatment", "data-sharing", "research"]
    static let states = ["given", "withdrawn"]
}
