import Foundation

/// What the supervisor's page shows: their supervisees with caseload sizes, and the process notes
/// whose authors named them (a list of when, whom and by whom; the text opens one note at a time).
struct SupervisionContext: Encodable {
    struct Supervisee: Encodable {
        let name: String
        let purpose: String
        let caseload: Int
    }

    struct SharedNote: Encodable {
        let session: String
        let patient: String
        let author: String
        let path: String
    }

    let page: PageChrome
    let supervisees: [Supervisee]
    let notes: [SharedNote]
    let zone: String
}
