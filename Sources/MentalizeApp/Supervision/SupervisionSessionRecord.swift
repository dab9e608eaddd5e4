import Fluent
import Foundation

/// One supervision session as the supervisor logged and attested it: when, how long, alone or in
/// a group, whether live or recorded material was shown, and the cases discussed (by initials only:
/// the log is about the supervision, not a record about patients).
final class SupervisionSessionRecord: Model, @unchecked Sendable {
    static let schema = "supervision_sessions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "supervisor_id") var supervisor: UserAccount
    /// The clinic's day it was held (yyyy-mm-dd).
    @Field(key: "held_on") var heldOn: String
    @Field(key: "minutes") var minutes: Int
    /// "individual" or "group".
    @Field(key: "format") var format: String
    /// "none", "live" or "recorded".
    @Field(key: "material") var material: String
    /// The cases discussed, by initials only.
    @Field(key: "cases_text") var casesText: String
    /// When the supervisor attested the entry (on saving it).
    @Field(key: "attested_at") var attestedAt: Date

    init() {}
}

/// A supervisee who took part in a logged supervision session.
final class SupervisionAttendeeRecord: Model, @unchecked Sendable {
    static let schema = "supervision_attendees"

    @ID(key: .id) var id: UUID?
    @Parent(key: "session_id") var session: SupervisionSessionRecord
    @Parent(key: "therapist_id") var therapist: UserAccount

    init() {}

    init(sessionID: UUID, therapistID: UUID) {
        self.$session.id = sessionID
        self.$therapist.id = therapistID
    }
}

/// A case discussed in a logged supervision session: the patient's record, linked through the
/// policy (the log's text keeps the initials only).
final class SupervisionCaseRecord: Model, @unchecked Sendable {
    static let schema = "supervision_cases"

    @ID(key: .id) var id: UUID?
    @Parent(key: "session_id") var session: SupervisionSessionRecord
    @Parent(key: "patient_id") var patient: Patient

    init() {}

    init(sessionID: UUID, patientID: UUID) {
        self.$session.id = sessionID
        self.$patient.id = patientID
    }
}
