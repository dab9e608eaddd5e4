import Fluent
import Foundation

/// A piece of material to rate: a session, or a clip of it (start and end minutes), with a link to
/// where the clinic keeps the recording (never uploaded here) and the scale to rate it on.
final class FidelityClipRecord: Model, @unchecked Sendable {
    static let schema = "fidelity_clips"

    @ID(key: .id) var id: UUID?
    /// The therapist whose work is rated.
    @Parent(key: "therapist_id") var therapist: UserAccount
    @OptionalParent(key: "patient_id") var patient: Patient?
    @OptionalParent(key: "group_id") var group: TherapyGroup?
    @Field(key: "source_id") var sourceID: UUID
    @Field(key: "session_date") var sessionDate: String
    @Field(key: "session_start") var sessionStart: Date
    @Field(key: "scale_id") var scaleID: String
    @OptionalField(key: "start_minute") var startMinute: Int?
    @OptionalField(key: "end_minute") var endMinute: Int?
    /// How long the rated material is, in minutes (the clip, or the whole session).
    @Field(key: "length_minutes") var lengthMinutes: Int
    @Field(key: "recording_link") var recordingLink: String
    @Field(key: "added_at") var addedAt: Date

    init() {}
}

/// One rater asked to rate one clip, and (once submitted) their scores and written feedback.
final class FidelityRatingRecord: Model, @unchecked Sendable {
    static let schema = "fidelity_ratings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clip_id") var clip: FidelityClipRecord
    @Parent(key: "rater_id") var rater: UserAccount
    @Parent(key: "asked_by") var askedBy: UserAccount
    @Field(key: "asked_at") var askedAt: Date
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// `{"adherence": {item: score}, "quality": {item: score}}` once submitted.
    @OptionalField(key: "scores_json") var scoresJSON: String?
    @OptionalField(key: "feedback") var feedback: String?

    init() {}
}

/// A clinic's licensed wording for a fidelity scale, checked against the definition when loaded.
final class FidelityTextPackRecord: Model, @unchecked Sendable {
    static let schema = "fidelity_text_packs"

    @ID(key: .id) var id: UUID?
    @Field(key: "scale_id") var scaleID: String
    @Field(key: "pack_json") var packJSON: String
    @Field(key: "imported_at") var importedAt: Date

    init() {}
}
