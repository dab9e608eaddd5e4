import Fluent
import Foundation

/// A dated clinical event (self-harm, suicide attempt, emergency visit, admission, police
/// contact), recorded by staff or reported by the patient in the portal. Staff-only to read.
final class ClinicalEventRecord: Model, @unchecked Sendable {
    static let schema = "clinical_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    /// A ``ClinicalEventKind`` raw value.
    @Field(key: "kind") var kind: String
    /// yyyy-mm-dd.
    @Field(key: "occurred_on") var occurredOn: String
    /// An ``EventMethod`` raw value.
    @Field(key: "method") var method: String
    /// A ``MedicalSeverity`` raw value.
    @Field(key: "severity") var severity: String
    /// An ``EventReporter`` raw value.
    @Field(key: "reporter") var reporter: String
    @OptionalField(key: "admission_days") var admissionDays: Int?
    /// The patient's own words with a self-report (empty for staff entries).
    @Field(key: "note") var note: String
    @Field(key: "patient_reported") var patientReported: Bool
    @Parent(key: "recorded_by") var recordedBy: UserAccount
    @Field(key: "recorded_at") var recordedAt: Date
    /// The form's key for a patient's report, so a resent form records one event.
    @OptionalField(key: "idempotency_key") var idempotencyKey: String?

    init() {}
}
