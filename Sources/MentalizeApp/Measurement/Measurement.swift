import Fluent
import Foundation

/// A line of the clinic's measurement plan (see ``MentalizeCore/MeasurementPlanItem``).
final class MeasurePlanItemRecord: Model, @unchecked Sendable {
    static let schema = "measure_plan_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: Clinic
    @Field(key: "phase") var phase: String
    @Field(key: "instrument_id") var instrumentID: String
    @Field(key: "first_due_days") var firstDueDays: Int
    @OptionalField(key: "repeat_every_days") var repeatEveryDays: Int?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID? = nil, clinicID: UUID, phase: String, instrumentID: String, firstDueDays: Int, repeatEveryDays: Int?, createdAt: Date) {
        self.id = id
        self.$clinic.id = clinicID
        self.phase = phase
        self.instrumentID = instrumentID
        self.firstDueDays = firstDueDays
        self.repeatEveryDays = repeatEveryDays
        self.createdAt = createdAt
    }
}

/// A measure a patient is asked to complete. `scheduleKey` makes plan assignments idempotent
/// across nodes (plan line + due date); ad hoc ones use their own id.
final class MeasureAssignment: Model, @unchecked Sendable {
    static let schema = "measure_assignments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "instrument_id") var instrumentID: String
    @Field(key: "due_at") var dueAt: Date
    @OptionalField(key: "plan_item_id") var planItemID: UUID?
    @OptionalParent(key: "assigned_by") var assignedBy: UserAccount?
    @OptionalField(key: "completed_at") var completedAt: Date?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @Field(key: "schedule_key") var scheduleKey: String

    init() {}
}

/// How a response was entered.
enum ResponseEntryMode: String, Codable, CaseIterable {
    /// By the patient in the portal.
    case patient
    /// By staff from the patient's paper form.
    case paperOnBehalf = "paper"
    /// A clinician-rated instrument, completed by the clinician.
    case clinicianRated = "clinician"
}

/// One administration of an instrument. Answers are kept as JSON keyed by linkId; the score is
/// computed by the core's ScoringEngine on completion and stored with it.
final class MeasureResponse: Model, @unchecked Sendable {
    static let schema = "measure_responses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "instrument_id") var instrumentID: String
    @Field(key: "instrument_version") var instrumentVersion: String
    @OptionalParent(key: "assignment_id") var assignment: MeasureAssignment?
    @Field(key: "entry_mode") var entryMode: String
    @Parent(key: "entered_by") var enteredBy: UserAccount
    @Field(key: "idempotency_key") var idempotencyKey: String
    @Field(key: "answers_json") var answersJSON: String
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "completed_at") var completedAt: Date?
    @OptionalField(key: "score_json") var scoreJSON: String?
    @OptionalField(key: "primary_score") var primaryScore: Double?
    @OptionalField(key: "risk_level") var riskLevel: String?

    init() {}
}

/// A clinic's licensed texts for one instrument and language (the latest import wins).
final class InstrumentTextPackRecord: Model, @unchecked Sendable {
    static let schema = "instrument_text_packs"

    @ID(key: .id) var id: UUID?
    @Field(key: "instrument_id") var instrumentID: String
    @Field(key: "language") var language: String
    @Field(key: "version") var version: String
    @Field(key: "pack_json") var packJSON: String
    @Field(key: "imported_at") var importedAt: Date

    init() {}
}
