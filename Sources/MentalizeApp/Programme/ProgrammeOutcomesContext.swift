import Foundation

/// What the lead's outcome page shows: the chosen range and programme type, then figures whose
/// counts under five are withheld ("< 5", no rate).
struct ProgrammeOutcomesContext: Encodable {
    struct Figure: Encodable {
        let count: String
        let rate: String?
    }

    struct InstrumentRow: Encodable {
        let title: String
        let patients: String
        let improved: Figure
        let recovered: Figure
        let unchanged: Figure
        let deteriorated: Figure
        let singleAdministration: Int
    }

    struct Choice: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    let page: PageChrome
    let errorText: String?
    let from: String
    let to: String
    let rangeText: String
    let programmeTypes: [Choice]
    let patients: Int
    let instruments: [InstrumentRow]
    /// The chart of the instruments' outcome shares: an SVG as a data address, so it prints with the page.
    let chartImage: String?
    let attendance: Figure
    let attendingPatients: String
    let completion: Figure
    let medianDaysToTreatment: String?
    let treatmentStarts: String
    let dropOuts: Figure
    let path: String
    let csvPath: String
    let dashboardPath: String
}
