import Foundation
import MentalizeCore

/// Progress on an accreditation requirement in the page's language, from the core's numbers:
/// "3 of 4 individual cases of 24 sessions or more", "11 of 16 supervision sessions".
enum RequirementProgressText {
    /// The words under a requirement; none for a course, whose badge says whether it is met.
    static func text(_ detail: RequirementProgress.Detail) -> String {
        switch detail {
        case .course:
            return ""
        case .cases(let parts, let minimumSessions):
            let cases = parts.map { text($0) }.reduce("") { joined, part in
                joined.isEmpty ? part : PageText.text("training.progress.casesAnd", ["first": joined, "second": part])
            }
            return minimumSessions > 1 ? PageText.text("training.progress.casesOfSessions", ["cases": cases, "sessions": String(minimumSessions)]) : cases
        case .noCombination:
            return PageText.text("training.progress.noCombination")
        case .supervision(let done, let needed, let inSessions):
            return PageText.text(inSessions ? "training.progress.supervisionSessions" : "training.progress.supervisionHours",
                                 ["done": number(done), "needed": number(needed)])
        case .supervisionPerCase(let supervised, let counted, let hours):
            return PageText.text("training.progress.supervisionPerCase", ["done": String(supervised), "counted": String(counted), "hours": number(hours)])
        case .ratedClips(let complete, let counted, let clipsPerCase, let clipMinutes):
            return PageText.text("training.progress.ratedClips", ["done": String(complete), "counted": String(counted), "clips": String(clipsPerCase),
                                                                  "minutes": String(clipMinutes)])
        }
    }

    /// "2 of 4 individual cases": the plural follows the number needed.
    static func text(_ part: RequirementProgress.CaseCount) -> String {
        PageText.plural("training.progress.cases.\(part.kind.rawValue)", count: part.needed).replacingOccurrences(of: "{done}", with: String(part.done))
    }

    /// A whole number as it is ("16"), else with one decimal in the page's language ("1.5", "1,5").
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : NumberText.decimal(value, digits: 1, in: DisplayTime.language)
    }
}
