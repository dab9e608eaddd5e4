import Foundation
import MentalizeCore

/// The analyzer's signals for one shared entry in a few lines for the therapist (never shown to
/// the patient): balance, explanation depth, certainty about others, prementalizing-mode signals,
/// each with the counts or level it rests on, so it can be checked against the entry.
enum DiaryClinicianSummary {
    static func lines(for entry: DiaryEntry, analyzer: MentalizingAnalyzer) -> [String] {
        let analysis = analyzer.analyze(DiaryAnalyzerText(entry: entry).text)
        switch analysis.status {
        case .routeToSafety: return ["Risk language found: see the risk alert; no analysis shown."]
        case .notEnoughText: return ["Too short for the balance indices (\(analysis.wordCount) words)."]
        case .analyzed: break
        }
        var lines: [String] = []
        if let balance = analysis.balance {
            lines.append("Self/other: \(pole(balance.selfOther, "self", "other")); cognitive/affective: \(pole(balance.cognitiveAffective, "cognitive", "affective")); internal/external: \(pole(balance.internalExternal, "internal", "external")).")
        }
        if let quality = analysis.explanationQuality {
            lines.append("Mental-state explanation: level \(quality.level) of 2 (\(String(format: "%.1f", quality.score))).")
        }
        if let certainty = analysis.certaintyAboutOthers {
            lines.append("Certainty about the other's mind: \(certainty.level.rawValue).")
        }
        let modes = analysis.signals.filter { $0.level != .none }.map { "\(words($0.mode)) \($0.level.rawValue)" }
        lines.append(modes.isEmpty ? "No prementalizing-mode signal." : "Signals: \(modes.joined(separator: ", ")).")
        return lines
    }

    private static func pole(_ index: BalanceIndex, _ first: String, _ second: String) -> String {
        let lean = abs(index.value) < 0.34 ? "balanced" : (index.value > 0 ? "leans \(first)" : "leans \(second)")
        return "\(lean) (\(index.firstCount):\(index.secondCount))"
    }

    private static func words(_ mode: PrementalizingMode) -> String {
        switch mode {
        case .psychicEquivalence: "psychic equivalence"
        case .teleological: "teleological"
        case .pretend: "pretend mode"
        }
    }
}
