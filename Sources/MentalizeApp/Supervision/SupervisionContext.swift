import Foundation

/// What the supervisor's page shows: their supervisees, the supervision log (the form and this
/// month's sessions), and the process notes whose authors named them (when, whom and by whom; the
/// text opens one note at a time).
struct SupervisionContext: Encodable {
    struct Supervisee: Encodable {
        let id: String
        let name: String
        let purpose: String
        let mode: String
        let caseload: Int
        /// Ticked in the log form (kept when the form comes back with problems).
        let checked: Bool
    }

    struct LogForm: Encodable {
        let heldOn: String
        let minutes: String
        let format: String
        let material: String
        let cases: String
    }

    /// A case on a supervisee's caseload that a logged session may link, by initials.
    struct CaseChoice: Encodable {
        let field: String
        let label: String
        let checked: Bool
    }

    struct Logged: Encodable {
        let day: String
        let minutes: Int
        let format: String
        let supervisees: String
        let material: String
        let cases: String
    }

    /// A supervisee's signed note waiting for my review.
    struct AwaitingNote: Encodable {
        let since: String
        let author: String
        let session: String
        /// The patient's name, or the group's for a group note.
        let concerns: String
        let path: String
    }

    struct SharedNote: Encodable {
        let session: String
        let patient: String
        let author: String
        let path: String
    }

    let page: PageChrome
    let csrfToken: String
    let supervisees: [Supervisee]
    let form: LogForm
    let caseChoices: [CaseChoice]
    let problems: [String]
    let logPath: String
    let logged: [Logged]
    let minutesThisMonth: Int
    /// Fidelity ratings asked of me and not yet submitted.
    let ratingsToDo: Int
    let fidelityPath: String
    /// Notes waiting for my review, oldest first.
    let awaiting: [AwaitingNote]
    let notes: [SharedNote]
    let zone: String
}
