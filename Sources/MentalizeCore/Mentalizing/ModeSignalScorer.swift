import Foundation

/// Combines the fired mode rules with their weights into graded signals:
/// strength = 1 − e^(−Σ weight × min(count, 3)), floored at 0.
struct ModeSignalScorer {
    let context: AnalysisContext
    let features: [String: Double]
    let ruleWeights: [String: Double]

    func signals() -> [ModeSignal] {
        let rules = ModeRules(context: context, features: features)
        return PrementalizingMode.allCases.map { mode in
            let evidence = rules.evidence(for: mode)
            var counts: [String: Int] = [:]
            for span in evidence { counts[span.rule, default: 0] += 1 }
            let total = counts.reduce(0.0) { $0 + (ruleWeights[$1.key] ?? 0) * Double(min($1.value, 3)) }
            let strength = total > 0 ? 1 - exp(-total) : 0
            return ModeSignal(mode: mode, strength: (strength * 1000).rounded() / 1000,
                              level: SignalLevel(strength: strength), ruleCounts: counts, evidence: evidence)
        }
    }
}

/// Certainty about other people's minds: asserted against hedged states held by others.
enum OtherMindCertaintyEstimator {
    static func estimate(_ context: AnalysisContext) -> OtherMindCertainty? {
        let others = context.states.filter {
            !$0.mention.quoted && ($0.mention.holder == .specificOther || $0.mention.holder == .addressee)
                && $0.mention.stateClass != .perception
        }
        guard !others.isEmpty else { return nil }
        var evidence: [EvidenceSpan] = []
        var balance = 0.0
        for state in others {
            switch state.mention.stance {
            case .asserted:
                balance += 1
                evidence.append(relabel(state.mention.span, "certainty.asserted-other"))
            case .hedged:
                balance -= 1
                evidence.append(relabel(state.mention.span, "certainty.hedged-other"))
            case .plain:
                balance += 0.25
            }
        }
        let value = 0.5 + 0.5 * tanh(balance / Double(others.count) * 1.5)
        let rounded = (value * 1000).rounded() / 1000
        return OtherMindCertainty(value: rounded, level: SignalLevel(strength: value), evidence: evidence)
    }

    private static func relabel(_ span: EvidenceSpan, _ rule: String) -> EvidenceSpan {
        EvidenceSpan(start: span.start, end: span.end, text: span.text, rule: rule)
    }
}
