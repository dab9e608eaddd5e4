import Foundation
import MentalizeCore

/// The lead's outcome figures as CSV: one line per figure, with the same withheld counts as the
/// page ("< 5", "withheld") and cells made safe for spreadsheets.
enum OutcomesCSV {
    static let header = "from,to,section,instrument,figure,count,of,rate"

    static func render(_ outcomes: ProgrammeOutcomes, selection: ProgrammeOutcomes.Selection) -> String {
        var lines = [header]
        func line(_ section: String, _ instrument: String, _ figure: String, _ count: PublishedCount) {
            let total = PublishedCount(count.of, of: count.of)
            lines.append([selection.from.description, selection.to.description, section, instrument, figure, count.countText, total.countText, count.rateText ?? ""]
                .map(MeasuresCSV.cell).joined(separator: ","))
        }
        for instrument in outcomes.instruments {
            let shown = instrument.tally.published
            let id = instrument.definition.id
            line("outcome", id, "reliable improvement", shown.improved)
            line("outcome", id, "reliable recovery", shown.recovered)
            line("outcome", id, "no reliable change", shown.noReliableChange)
            line("outcome", id, "reliable deterioration", shown.deteriorated)
        }
        line("attendance", "", "sessions attended", PublishedCount(outcomes.attendance.attended, of: outcomes.attendance.counted))
        line("questionnaires", "", "completed of those due", PublishedCount(outcomes.questionnairesCompleted, of: outcomes.questionnairesDue))
        line("drop-out", "", "dropped out of those in MBT-I or treatment", PublishedCount(outcomes.dropOuts, of: outcomes.activePatients))
        let starts = outcomes.daysToTreatment.count
        let median = starts >= PublishedCount.threshold ? ProgrammeFigures.median(outcomes.daysToTreatment).map { String(Int($0)) } ?? "" : ""
        lines.append([selection.from.description, selection.to.description, "time to treatment", "", "median days from referral",
                      median, PublishedCount(starts, of: starts).countText, ""].map(MeasuresCSV.cell).joined(separator: ","))
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
