/// Ranks what a reflection question should address, strongest imbalance first.
enum ImbalanceRanker {
    struct Need {
        var target: ReflectionTarget
        var weight: Double
        var reason: String
        var evidence: [EvidenceSpan]
    }

    static func rank(_ analysis: MentalizingAnalysis) -> [Need] {
        var needs: [Need] = []
        for signal in analysis.signals where signal.level >= .weak {
            let target: ReflectionTarget
            switch signal.mode {
            case .psychicEquivalence: target = .psychicEquivalence
            case .teleological: target = .teleological
            case .pretend: target = .pretend
            }
            let positive = signal.evidence.filter { !$0.rule.contains(".counter.") }
            needs.append(Need(target: target, weight: 1 + signal.strength,
                              reason: "\(signal.mode.rawValue) signal (\(signal.level.rawValue))",
                              evidence: Array(positive.prefix(4))))
        }
        let states = analysis.mentalStates.filter { !$0.quoted }
        func evidence(_ keep: (MentalStateMention) -> Bool) -> [EvidenceSpan] {
            Array(states.filter(keep).prefix(4).map(\.span))
        }
        if let balance = analysis.balance {
            addPole(&needs, balance.selfOther.value, .selfOnly, .otherOnly, "self/other balance",
                    evidence { $0.holder == .selfHolder }, evidence { $0.holder == .specificOther || $0.holder == .addressee })
            addPole(&needs, balance.cognitiveAffective.value, .cognitiveOnly, .affectiveFlood, "cognitive/affective balance",
                    evidence { $0.stateClass == .cognitive }, evidence { $0.stateClass == .affective })
            if balance.internalExternal.value <= -0.6 {
                needs.append(Need(target: .externalOnly, weight: 0.5 - balance.internalExternal.value / 2,
                                  reason: "mostly actions and events", evidence: []))
            }
        }
        let hedgedOther = states.filter { ($0.holder == .specificOther || $0.holder == .addressee) && $0.stance == .hedged }
        let perspective = analysis.features["perspective"] ?? 0
        if needs.isEmpty, !hedgedOther.isEmpty || perspective > 0 {
            needs.append(Need(target: .goodMentalizing, weight: 0.4, reason: "tentative about another's mind",
                              evidence: Array(hedgedOther.prefix(4).map(\.span))))
        }
        needs.append(Need(target: .general, weight: 0, reason: "no clear imbalance", evidence: []))
        return needs.sorted { $0.weight > $1.weight }
    }

    /// Adds the missing pole when one side clearly dominates (|index| ≥ 0.6 with at least 3 terms).
    private static func addPole(_ needs: inout [Need], _ value: Double, _ whenPositive: ReflectionTarget,
                                _ whenNegative: ReflectionTarget, _ dimension: String,
                                _ positiveEvidence: [EvidenceSpan], _ negativeEvidence: [EvidenceSpan]) {
        if value >= 0.6, positiveEvidence.count >= 3 {
            needs.append(Need(target: whenPositive, weight: value, reason: "\(dimension) leans one way", evidence: positiveEvidence))
        } else if value <= -0.6, negativeEvidence.count >= 3 {
            needs.append(Need(target: whenNegative, weight: -value, reason: "\(dimension) leans one way", evidence: negativeEvidence))
        }
    }
}
