import Fluent
import Foundation

/// One move of a patient's programme: from and to (phase or exit raw values), when, why, who decided.
final class ProgrammeTransitionRecord: Model, @unchecked Sendable {
    static let schema = "programme_transitions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "from_status") var fromStatus: String
    @Field(key: "to_status") var toStatus: String
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "reason") var reason: String
    @Parent(key: "decided_by") var decidedBy: UserAccount

    init() {}

    init(id: UUID? = nil, patientID: UUID, fromStatus: String, toStatus: String, occurredAt: Date, reason: String, decidedBy: UUID) {
        self.id = id
        self.$patient.id = patientID
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.occurredAt = occurredAt
        self.reason = reason
        self.$decidedBy.id = decidedBy
    }
}

/// The assessment team's suitability decision for a patient (the latest one counts).
final class SuitabilityDecisionRecord: Model, @unchecked Sendable {
    static let schema = "suitability_decisions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "decision") var decision: String
    @Field(key: "reasons") var reasons: String
    @Field(key: "decided_at") var decidedAt: Date
    @Parent(key: "decided_by") var decidedBy: UserAccount

    init() {}

    init(id: UUID? = nil, patientID: UUID, decision: String, reasons: String, decidedAt: Date, decidedBy: UUID) {
        self.id = id
        self.$patient.id = patientID
        self.decision = decision
        self.reasons = reasons
        self.decidedAt = decidedAt
        self.$decidedBy.id = decidedBy
    }
}
