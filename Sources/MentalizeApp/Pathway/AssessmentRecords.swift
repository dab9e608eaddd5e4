import Fluent
import Foundation

/// A structured diagnostic interview done during assessment, with its outcome.
final class DiagnosticInterviewRecord: Model, @unchecked Sendable {
    static let schema = "diagnostic_interviews"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    /// A ``DiagnosticInterview`` raw value.
    @Field(key: "interview") var interview: String
    /// The interview's name when it is `other`.
    @Field(key: "interview_name") var interviewName: String
    /// yyyy-mm-dd.
    @Field(key: "conducted_on") var conductedOn: String
    @Field(key: "assessor") var assessor: String
    /// Borderline criteria met (0-9), when the interview counts them.
    @OptionalField(key: "criteria_met") var criteriaMet: Int?
    @Field(key: "outcome") var outcome: String
    @Parent(key: "recorded_by") var recordedBy: UserAccount
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// A risk assessment: date, assessor, overall level and a short summary.
final class RiskAssessmentRecord: Model, @unchecked Sendable {
    static let schema = "risk_assessments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "assessed_on") var assessedOn: String
    @Field(key: "assessor") var assessor: String
    /// An ``AssessedRisk`` raw value.
    @Field(key: "level") var level: String
    @Field(key: "summary") var summary: String
    @Parent(key: "recorded_by") var recordedBy: UserAccount
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// The suitability checklist as filled in (the latest one counts for the decision).
final class SuitabilityChecklistRecord: Model, @unchecked Sendable {
    static let schema = "suitability_checklists"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    /// Comma-separated ``SuitabilityExclusion`` raw values.
    @Field(key: "exclusions") var exclusions: String
    /// Comma-separated relative contraindication keys.
    @Field(key: "contraindications") var contraindications: String
    @Parent(key: "recorded_by") var recordedBy: UserAccount
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// Who took part in the team (MDT) meeting behind a suitability decision, kept beside the
/// decision it belongs to (a new table: the decisions table is not altered).
final class MDTParticipantsRecord: Model, @unchecked Sendable {
    static let schema = "mdt_participants"

    @ID(key: .id) var id: UUID?
    @Parent(key: "decision_id") var decision: SuitabilityDecisionRecord
    /// Names of the staff present, one per line.
    @Field(key: "participants") var participants: String

    init() {}

    init(id: UUID? = nil, decisionID: UUID, participants: String) {
        self.id = id
        self.$decision.id = decisionID
        self.participants = participants
    }
}
