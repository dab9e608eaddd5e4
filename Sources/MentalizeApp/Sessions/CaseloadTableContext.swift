import Foundation

/// What the caseload page shows: one row per patient on the therapist's caseload, with the
/// choices that sort and filter it (plain GET parameters: no JavaScript).
struct CaseloadTableContext: Encodable {
    /// One patient's line.
    struct Row: Encodable {
        let name: String
        let path: String
        let phase: String
        let phaseValue: String
        let nextSession: String?
        let lastAttended: String?
        /// ISO instants behind the two dates, for sorting (not shown).
        let nextSortKey: String?
        let lastSortKey: String?
        let scores: [Score]
        let openAlerts: Int
        /// The chart, whose summary lists the open alerts first.
        let alertsPath: String
        let overdueMeasures: Int
        let measuresPath: String
        let unsignedNotes: Int
        /// "3 missed in a row", when the non-attendance rule warns.
        let missedInARow: Int?
        /// Anything here needs a look today: an open alert, a worrying change, a drop-out warning.
        let needsAttention: Bool
    }

    /// The latest score of one instrument with its change.
    struct Score: Encodable {
        let title: String
        let value: String
        /// "reliable improvement" since the first questionnaire; nil with one response.
        let sinceFirst: String?
        /// The recent change, said only when it needs a look ("since Thu 29 Oct: 7 → 10, +3 …").
        let recent: String?
        let attention: Bool
    }

    struct Choice: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    let page: PageChrome
    let zone: String
    let rows: [Row]
    /// Patients on the caseload before filtering.
    let total: Int
    let sorts: [Choice]
    let phases: [Choice]
    let attentionOnly: Bool
    let query: String
    let path: String
    let schedulePath: String
}
