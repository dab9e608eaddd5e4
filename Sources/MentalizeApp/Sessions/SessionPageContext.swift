import Foundation

/// What the session page shows: when and where, attendance per patient, the MBT note (form while
/// a draft, read-only once signed, with addenda), and the way to a private process note.
struct SessionPageContext: Encodable {
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Check: Encodable {
        let name: String
        let label: String
        let checked: Bool
    }

    struct Dimension: Encodable {
        let name: String
        let label: String
        let options: [Option]
    }

    struct AttendanceRow: Encodable {
        let field: String
        let noticeField: String
        let name: String
        let initials: String
        let options: [Option]
        let notice: String
    }

    /// A dimension (its locale key) and the pole the patient was stuck at.
    struct Imbalance: Encodable {
        let dimension: String
        let pole: String
    }

    /// One member's part of a group note: text, observed mentalizing and a risk update (form
    /// controls while a draft; `modesText`, `imbalances` and `riskKey` once signed).
    struct MemberNoteField: Encodable {
        let field: String
        let name: String
        let initials: String
        let text: String
        var modes: [Check] = []
        var dimensions: [Dimension] = []
        var risks: [Option] = []
        var riskSummaryField = ""
        var riskSummary = ""
        var modesText = ""
        var imbalances: [Imbalance] = []
        /// Locale key of the signed risk change (`sessions.risk.…`); empty when none was recorded.
        var riskKey = ""
        /// Whether anything beyond the text was entered (the form shows those fields open).
        var hasDetail = false
    }

    struct ProcessNoteLink: Encodable {
        let path: String
        let concerns: String
    }

    struct Addendum: Encodable {
        let who: String
        let when: String
        let text: String
    }

    struct SignedNote: Encodable {
        let signedBy: String
        let signedAt: String
        let interventions: String
        /// Empty when no prementalizing mode was observed (the row is left out).
        let modes: String
        let imbalances: [Imbalance]
        let narrative: String
        let riskKey: String
        let riskSummary: String
        let crisisPlanReviewed: Bool
        let plan: String
        let members: [MemberNoteField]
        let addenda: [Addendum]
    }

    let page: PageChrome
    let csrfToken: String
    let title: String
    let when: String
    let location: String
    let statusKey: String
    let isGroup: Bool
    let patientName: String?
    let patientPath: String?
    let groupPath: String?
    let canWrite: Bool
    let attendancePath: String
    let attendance: [AttendanceRow]
    let initialsNote: String?
    let noteState: String
    let notePath: String
    let addendumPath: String
    let interventions: [Check]
    let modes: [Check]
    let dimensions: [Dimension]
    let narrative: String
    let risks: [Option]
    let riskSummary: String
    let crisisPlanReviewed: Bool
    let plan: String
    let memberNotes: [MemberNoteField]
    let signed: SignedNote?
    let problems: [String]
    let notice: String?
    let noticeKeys: [String]
    let changePath: String
    let canChange: Bool
    /// Why cancel and move are not offered (attendance or a note is on record); nil while they are.
    let changeLockedKey: String?
    let canRestore: Bool
    /// Why a cancelled session offers no restore (a clinic holiday).
    let restoreHintKey: String?
    let moveDate: String
    let moveTime: String
    /// Process notes on this session that the user wrote or was named to read (by member initials
    /// on a group session); shown only to them.
    let processNotes: [ProcessNoteLink]
    let processNoteWritePath: String?
    /// Shared diary entries the therapist marked "bring to next session" (individual sessions).
    var broughtEntries: [BroughtDiaryEntries.Entry] = []
    /// Where the session's therapist asks for a fidelity rating of it (once it has started).
    var askRatingPath: String?
    /// The note's review by the author's supervisor (approve or co-sign), for the two of them.
    var review: NoteReviewPanel?
}
