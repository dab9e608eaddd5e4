import Fluent
import Foundation

/// One patient's attendance at one session, keyed by the session's source (series or one-off)
/// and original date.
final class AttendanceEntry: Model, @unchecked Sendable {
    static let schema = "attendance"

    @ID(key: .id) var id: UUID?
    @Field(key: "source_id") var sourceID: UUID
    @Field(key: "session_date") var sessionDate: String
    @Field(key: "session_start") var sessionStart: Date
    @Parent(key: "patient_id") var patient: Patient
    @OptionalParent(key: "group_id") var group: TherapyGroup?
    /// A ``AttendanceChoice`` raw value.
    @Field(key: "mark") var mark: String
    @OptionalField(key: "notice_given_at") var noticeGivenAt: Date?
    @Parent(key: "recorded_by") var recordedBy: UserAccount
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// An MBT session note (individual or group), stored as the core's `SignableNote` in JSON with
/// its state and session copied into columns for lists.
final class SessionNoteRecord: Model, @unchecked Sendable {
    static let schema = "session_notes"

    @ID(key: .id) var id: UUID?
    @Field(key: "source_id") var sourceID: UUID
    @Field(key: "session_date") var sessionDate: String
    @Field(key: "session_start") var sessionStart: Date
    /// `individual` or `group`.
    @Field(key: "kind") var kind: String
    @OptionalParent(key: "patient_id") var patient: Patient?
    @OptionalParent(key: "group_id") var group: TherapyGroup?
    @Parent(key: "author_id") var author: UserAccount
    /// `draft`, `signed`, or `awaiting` (signed, held for the supervisor's approval: not yet part
    /// of the record).
    @Field(key: "state") var state: String
    @OptionalField(key: "signed_at") var signedAt: Date?
    @Field(key: "note_json") var noteJSON: String
    @Field(key: "updated_at") var updatedAt: Date

    /// The state of a signed note its supervisor has yet to approve.
    static let awaitingApproval = "awaiting"

    init() {}
}

/// A psychotherapy (process) note: its text sealed with the data key; readable only by its author
/// and the supervisor the author named. Never listed, exported, searched or logged.
final class ProcessNoteRecord: Model, @unchecked Sendable {
    static let schema = "process_notes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: Patient
    @Field(key: "source_id") var sourceID: UUID
    @Field(key: "session_date") var sessionDate: String
    @Parent(key: "author_id") var author: UserAccount
    @OptionalParent(key: "named_supervisor_id") var namedSupervisor: UserAccount?
    @Field(key: "sealed_text") var sealedText: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A user's calendar subscription: the SHA-256 of the secret in its URL; revoked feeds answer 404.
final class CalendarFeedRecord: Model, @unchecked Sendable {
    static let schema = "calendar_feeds"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
}
