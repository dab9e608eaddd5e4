import Foundation
import MentalizeCore

/// The analyzer's signals for one shared entry in a few lines for the therapist (never shown to
/// the patient): balance, explanation depth, certainty about others, prementalizing-mode signals,
/// each with the counts or level it rests on, so it can be checked against the entry.
enum DiaryClinicianSummary {
    static func lines(for entry: DiaryEntry, analyzer: MentalizingAnalyzer) -> [String] {
        let analysis = analyzer.analyze(DiaryAnalyzerText(entry: entry).text)
        switch analysis.status {
        case .routeToSafety: return [PageText.text("diary.summary.risk")]
        case .notEnoughText: return [PageText.text("diary.summary.tooShort", ["count": String(analysis.wordCount)])]
        case .analyzed: break
        }
        var lines: [String] = []
        if let balance = analysis.balance {
            lines.append(PageText.text("diary.summary.balance", [
                "selfOther": lean(balance.selfOther, .selfFocused, .otherFocused),
                "cognitiveAffective": lean(balance.cognitiveAffective, .cognitive, .affective),
                "internalExternal": lean(balance.internalExternal, .internalFocused, .externalFocused),
            ]))
        }
        if let quality = analysis.explanationQuality {
            lines.append(PageText.text("diary.summary.explanation", ["level": String(quality.level), "score": String(format: "%.1f", quality.score)]))
        }
        if let certainty = analysis.certaintyAboutOthers {
            lines.append(PageText.text("diary.summary.certainty", ["level": level(certainty.level)]))
        }
        let modes = analysis.signals.filter { $0.level != .none }.map { "\($0.mode.localizedName.lowercased()) \(level($0.level))" }
        lines.append(modes.isEmpty ? PageText.text("diary.summary.noModes") : PageText.text("diary.summary.modes", ["modes": modes.joined(separator: ", ")]))
        return lines
    }

    /// "leans self (5:1)" or "balanced (3:3)".
    private static func lean(_ index: BalanceIndex, _ first: MentalizingPole, _ second: MentalizingPole) -> String {
        let counts = "(\(index.firstCount):\(index.secondCount))"
        guard abs(index.value) >= 0.34 else { return PageText.text("diary.summary.balanced") + " " + counts }
        let pole = index.value > 0 ? first : second
        return PageText.text("diary.summary.leans", ["pole": pole.localizedName.lowercased()]) + " " + counts
    }

    private static func level(_ level: SignalLevel) -> String {
        PageText.text("diary.summary.level.\(level.rawValue)")
    }
}
