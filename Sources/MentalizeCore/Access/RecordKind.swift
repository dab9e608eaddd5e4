/// The sensitivity class a record kind belongs to; the access rules are written per class and kind.
public enum ContentClass: String, Sendable, Codable, CaseIterable {
    /// Name, contact details, programme and phase: the roster.
    case demographics
    /// Scores, phases and events: numbers and codes, no free text.
    case structuredClinical
    /// Notes, formulation and diary entries shared with the therapist.
    case freeTextClinical
    /// Psychotherapy (process) notes: the author and the supervisor the author named, nobody else.
    case processNote
    /// The patient's private diary: the patient only.
    case patientPrivate
    /// User accounts, roles and relationship administration.
    case accountAdmin
}

/// Every kind of record the policy knows. A new record kind must be added here, which forces a row in
/// the policy table (`AccessGrantTable`) and in the table test.
public enum RecordKind: String, Sendable, Codable, CaseIterable {
    case demographics
    case measureResponse
    /// A risk alert raised by a questionnaire answer or by risk language: who was alerted and
    /// what was done. Codes and times, no patient free text.
    case riskAlert
    case clinicalEvent
    case sessionNote
    case formulation
    /// The crisis plan: what helps in a crisis and whom to call. Kept apart from the formulation
    /// because a group's co-therapists, who manage risk in the group, may read it (not edit it).
    case crisisPlan
    /// The patient's own comment on, or agreement with, a shared formulation version: written by
    /// the patient, read by the team. Kept apart from `formulation`, which only staff write.
    case formulationResponse
    /// A clinical event the patient reports about themselves in the portal (self-harm). The
    /// patient may submit it but never read the event list back: staff read the stored event as
    /// a `clinicalEvent`.
    case selfReport
    case sharedDiaryEntry
    /// Secure messages between the patient and their care team.
    case message
    case processNote
    /// A supervisor's review of a supervisee's signed note (approve or co-sign supervision): the
    /// steps, the comments of a returned note and the versions kept. Staff only; the lead never
    /// reads it.
    case noteReview
    /// A fidelity rating of a session or a clip of it: the material (session, minutes, a link to
    /// the clinic's own recording store), the raters asked and their scores and feedback. About the
    /// therapist's work; the rated therapist, the raters asked and the therapist's supervisors reach
    /// it, and the lead aggregates it.
    case fidelityRating
    case privateDiaryEntry
    case accountData

    /// The content class the kind belongs to.
    public var contentClass: ContentClass {
        switch self {
        case .demographics: .demographics
        case .measureResponse, .riskAlert, .clinicalEvent, .fidelityRating: .structuredClinical
        case .sessionNote, .noteReview, .formulation, .crisisPlan, .formulationResponse, .selfReport, .sharedDiaryEntry, .message: .freeTextClinical
        case .processNote: .processNote
        case .privateDiaryEntry: .patientPrivate
        case .accountData: .accountAdmin
        }
    }

    /// Kinds a group's co-therapist reaches through the membership itself (who the member is, and
    /// their crisis plan); other kinds they reach only for records of their own group.
    public var followsGroupMembership: Bool {
        self == .demographics || self == .crisisPlan
    }

    /// Staff-only kinds are never shown to the patient they are about.
    /// Clinical events (self-harm and risk events as recorded by staff), risk alerts and session notes
    /// are staff-only;
    /// process notes are restricted further by their own rule.
    public var isStaffOnly: Bool {
        switch self {
        case .clinicalEvent, .riskAlert, .sessionNote, .noteReview, .fidelityRating, .processNote: true
        case .demographics, .measureResponse, .formulation, .crisisPlan, .formulationResponse, .selfReport, .sharedDiaryEntry, .message, .privateDiaryEntry, .accountData: false
        }
    }
}

/// The record the actor wants to act on, with the facts about it the policy needs.
public struct RecordDescriptor: Hashable, Sendable, Codable {
    public let kind: RecordKind
    /// The patient the record is about; nil only for account data.
    public let patientID: PatientID?
    /// The group session the record belongs to, if any (opens it to that group's co-therapists).
    public let groupID: GroupID?
    /// The author, for process notes; the therapist whose work is rated, for fidelity ratings.
    public let authorID: UserID?
    /// The supervisor the author named, for process notes.
    public let namedSupervisorID: UserID?
    /// The user an account record describes.
    public let subjectUserID: UserID?
    /// The raters asked to rate the material, for fidelity ratings.
    public let raterIDs: Set<UserID>

    public init(kind: RecordKind, patientID: PatientID?, groupID: GroupID? = nil, authorID: UserID? = nil,
                namedSupervisorID: UserID? = nil, subjectUserID: UserID? = nil, raterIDs: Set<UserID> = []) {
        self.kind = kind
        self.patientID = patientID
        self.groupID = groupID
        self.authorID = authorID
        self.namedSupervisorID = namedSupervisorID
        self.subjectUserID = subjectUserID
        self.raterIDs = raterIDs
    }
}
