import Fluent
import Foundation

/// A mentalizing diary entry. The entry (``MentalizeCore/DiaryEntry``) is kept as JSON; who may
/// read it follows `visibility` (private: the patient only; shared: also their therapist). A
/// deleted entry is hidden, not erased (`deletedAt`), and its deletion is audited.
final class DiaryEntryRecord: Model, @unchecked Sendable {
    static let schema = "diary_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    @Parent(key: "author_id") var author: UserAccount
    @Field(key: "visibility") var visibility: String
    @Field(key: "is_draft") var isDraft: Bool
    @Field(key: "entry_json") var entryJSON: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "deleted_at") var deletedAt: Date?
    @Field(key: "idempotency_key") var idempotencyKey: String

    init() {}
}

/// A therapist's "bring to next session" mark on a shared entry.
final class DiarySessionFlag: Model, @unchecked Sendable {
    static let schema = "diary_session_flags"

    @ID(key: .id) var id: UUID?
    @Parent(key: "entry_id") var entry: DiaryEntryRecord
    @Parent(key: "therapist_id") var therapist: UserAccount
    @Field(key: "flagged_at") var flaggedAt: Date

    init() {}
}

/// Whether reflection prompts are offered, set by a clinic (`scope` "clinic") or a patient ("patient").
final class PortalPreference: Model, @unchecked Sendable {
    static let schema = "portal_preferences"

    @ID(key: .id) var id: UUID?
    @Field(key: "scope") var scope: String
    @Field(key: "subject_id") var subjectID: UUID
    @Field(key: "prompts_enabled") var promptsEnabled: Bool

    init() {}
}
