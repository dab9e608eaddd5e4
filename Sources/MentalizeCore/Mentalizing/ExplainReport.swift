import Foundation

/// A readable report of one analysis for `mentalize analyze --explain`.
public enum ExplainReport {
    public static func render(text: String, analysis: MentalizingAnalysis, prompts: [ReflectionPromptChoice]) -> String {
        var lines = ["Signals of mentalizing in this entry (a reflection aid, not a score)", ""]
        lines.append("Words: \(analysis.wordCount)   status: \(analysis.status.rawValue)")
        if analysis.risk.routeToSafety {
            lines.append("Risk language found: route to the safety pathway. No analysis was done.")
            lines += analysis.risk.matches.map { "  - \"\($0.text)\" [\($0.rule)] at \($0.start)–\($0.end)" }
            return lines.joined(separator: "\n")
        }
        if let balance = analysis.balance {
            lines.append("Balance (−1…1): self/other \(format(balance.selfOther.value)), "
                + "cognitive/affective \(format(balance.cognitiveAffective.value)), "
                + "internal/external \(format(balance.internalExternal.value))")
        } else {
            lines.append("Balance: not enough text to say (under \(MentalizingAnalyzer.minimumWords) words).")
        }
        if let quality = analysis.explanationQuality {
            lines.append("Mental-state explanation: \(format(quality.score)) of 2 (level \(quality.level))")
            lines += quality.evidence.map { "  - \"\($0.text)\" [\($0.rule)]" }
        }
        if let certainty = analysis.certaintyAboutOthers {
            lines.append("Certainty about others' minds: \(format(certainty.value)) (\(certainty.level.rawValue))")
            lines += certainty.evidence.map { "  - \"\($0.text)\" [\($0.rule)]" }
        }
        if let general = analysis.certainty {
            lines.append("Certainty of the wording: \(format(general))")
            lines += (analysis.certaintyEvidence ?? []).map { "  - \"\($0.text)\" [\($0.rule)]" }
        }
        lines.append("")
        for signal in analysis.signals {
            lines.append("\(signal.mode.rawValue): \(signal.level.rawValue) (\(format(signal.strength)))")
            lines += signal.evidence.map { "  - \"\($0.text)\" [\($0.rule)] at \($0.start)–\($0.end)" }
        }
        lines.append("")
        lines.append("Mental states:")
        for state in analysis.mentalStates {
            var notes = [state.stateClass.rawValue, "holder \(state.holder.rawValue)", state.stance.rawValue]
            if state.negated { notes.append("negated") }
            if state.quoted { notes.append("quoted") }
            if state.embedded { notes.append("embedded") }
            lines.append("  - \"\(state.span.text)\" (\(notes.joined(separator: ", ")))")
        }
        lines.append("")
        lines.append("Reflection prompts:")
        for choice in prompts {
            lines.append("  - \(choice.prompt.text)  [\(choice.prompt.move); \(choice.reason)]")
        }
        lines.append("")
        lines.append("Features: " + analysis.features.sorted { $0.key < $1.key }
            .filter { $0.value != 0 }.map { "\($0.key)=\(format($0.value))" }.joined(separator: " "))
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
