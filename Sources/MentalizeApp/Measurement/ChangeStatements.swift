import Foundation
import MentalizeCore

/// The two change statements a clinician reads under a latest score, each naming what it
/// compares: "Since the first questionnaire on Thu 22 Jan 2026: 17 → 10, −7, reliable improvement"
/// and "Since the previous one on Thu 29 Oct 2026: 7 → 10, +3, no reliable change; at or above the
/// cut-off (10) again". `attention` is set when the recent change should be looked at.
struct ChangeStatements: Encodable, Equatable {
    let sinceFirst: String?
    let sinceLast: String?
    let attention: Bool

    init(_ change: ChangeOverTime, zone: ClinicZone) {
        let day = { (date: Date) in zone.dayText(zone.localDate(of: date), in: DisplayTime.language) }
        var first = change.sinceFirst.map { PageText.text("change.sinceFirst", ["day": day($0.since)]) + " " + Self.describe($0.assessment) }
        var recent = change.sinceLast.map { PageText.text("change.sinceLast", ["day": day($0.since)]) + " " + Self.describe($0.assessment) }
        if change.returnedToCaseness, let cutOff = change.cutOff {
            let note = PageText.text("change.backAboveCutOff", ["cutOff": OutcomeChart.number(cutOff)])
            if let line = recent { recent = line + note } else { first = first.map { $0 + note } }
        }
        sinceFirst = first
        sinceLast = recent
        attention = change.needsAttention
    }

    /// "17 → 10, −7, reliable improvement".
    static func describe(_ assessment: ChangeAssessment) -> String {
        let delta = assessment.delta
        let signed = delta > 0 ? "+" + OutcomeChart.number(delta) : delta < 0 ? "−" + OutcomeChart.number(-delta) : "±0"
        return "\(OutcomeChart.number(assessment.before)) → \(OutcomeChart.number(assessment.after)), \(signed), \(OutcomeChart.words(assessment.outcome))"
    }
}
