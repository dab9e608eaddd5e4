import Fluent
import Foundation

/// One version of a patient's case formulation, written with them. Every save adds a version;
/// a version shared with the patient is what they read (the latest shared one).
final class FormulationVersion: Model, @unchecked Sendable {
    static let schema = "formulation_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "version") var version: Int
    @Field(key: "presenting_problems") var presentingProblems: String
    @Field(key: "relational_patterns") var relationalPatterns: String
    @Field(key: "breakdowns") var breakdowns: String
    /// Comma-separated ``PrementalizingMode`` raw values: the modes that follow a breakdown.
    @Field(key: "modes") var modes: String
    @Field(key: "attachment_strategies") var attachmentStrategies: String
    @Field(key: "strengths") var strengths: String
    @Field(key: "treatment_goals") var treatmentGoals: String
    @OptionalField(key: "shared_at") var sharedAt: Date?
    @Parent(key: "written_by") var writtenBy: UserAccount
    @Field(key: "written_at") var writtenAt: Date

    init() {}
}

/// The patient's comment on, or agreement with, one formulation version.
final class FormulationResponse: Model, @unchecked Sendable {
    static let schema = "formulation_responses"
    static let comment = "comment"
    static let agreement = "agreement"

    @ID(key: .id) var id: UUID?
    @Parent(key: "version_id") var version: FormulationVersion
    @Parent(key: "patient_id") var patient: Patient
    /// `comment` or `agreement`.
    @Field(key: "kind") var kind: String
    @Field(key: "text") var text: String
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID? = nil, versionID: UUID, patientID: UUID, kind: String, text: String, userID: UUID, createdAt: Date) {
        self.id = id
        self.$version.id = versionID
        self.$patient.id = patientID
        self.kind = kind
        self.text = text
        self.$user.id = userID
        self.createdAt = createdAt
    }
}
