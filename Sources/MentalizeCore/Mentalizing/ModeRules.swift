/// The pattern rules behind the three prementalizing-mode signals (design doc §3).
/// Each returns the spans it fired on; rule ids are the keys of `modeRules` in the weights.
struct ModeRules {
    let context: AnalysisContext
    let features: [String: Double]
    private let unquotedStates: [MentalStateTagger.Tagged]

    init(context: AnalysisContext, features: [String: Double]) {
        self.context = context
        self.features = features
        unquotedStates = context.states.filter { !$0.mention.quoted }
    }

    func evidence(for mode: PrementalizingMode) -> [EvidenceSpan] {
        switch mode {
        case .psychicEquivalence: return psychicEquivalence()
        case .teleological: return teleological()
        case .pretend: return pretend()
        }
    }

    private func isOtherHeld(_ state: MentalStateTagger.Tagged) -> Bool {
        state.mention.holder == .specificOther || state.mention.holder == .addressee
    }

    /// "on purpose" or "deliberately" (the desire-list entries that claim another's intention).
    private func isOnPurpose(_ state: MentalStateTagger.Tagged) -> Bool {
        let word = context.tokens[state.first].norm
        return word == "deliberately" || word == "on" && state.end - state.first == 2
            && context.tokens[state.first + 1].norm == "purpose"
    }

    /// A sentence is distanced when the writer negates or hedges their own thinking in it
    /// ("I don't think…", "I know it's not true but…").
    private func isDistanced(_ sentence: Int) -> Bool {
        unquotedStates.contains {
            $0.mention.sentence == sentence && $0.mention.holder == .selfHolder
                && $0.mention.stateClass == .cognitive && ($0.mention.negated || $0.mention.stance == .hedged)
        }
    }

    private func psychicEquivalence() -> [EvidenceSpan] {
        var spans: [EvidenceSpan] = []
        for state in unquotedStates where isOtherHeld(state) && state.mention.stateClass != .perception {
            if state.mention.stance == .asserted && !isDistanced(state.mention.sentence) {
                spans.append(relabel(state.mention.span, "pe.certain-other-mind"))
            }
            if state.mention.stance == .hedged {
                spans.append(relabel(state.mention.span, "pe.counter.tentative-other"))
            }
            if isOnPurpose(state) {
                spans.append(relabel(state.mention.span, "pe.on-purpose"))
            }
        }
        spans += context.spans(of: .traitLabel, rule: "pe.trait-label")
        spans += context.spans(of: .absolute, rule: "pe.absolute")
        spans += context.spans(of: .perspective, rule: "pe.counter.alternative")
        for (index, token) in context.tokens.enumerated() where token.norm == "!" || token.isShout {
            spans.append(context.span(index, index + 1, rule: "pe.arousal"))
        }
        return spans
    }

    private func teleological() -> [EvidenceSpan] {
        var spans: [EvidenceSpan] = []
        let tokens = context.tokens
        for index in tokens.indices where context.has(.action, at: index) && context.isNegated(index) {
            // "he didn't call, so he doesn't care": an absent act taken as proof of a mental state.
            let sentence = tokens[index].sentence
            let proof = (index + 1..<min(index + 9, tokens.count)).contains { causal in
                tokens[causal].sentence == sentence
                    && context.isCausal(at: causal)
                    && unquotedStates.contains { $0.first > causal && $0.mention.sentence == sentence && isOtherHeld($0) }
            }
            let rule = proof ? "tel.absent-act-as-proof" : "tel.absent-act"
            spans.append(context.span(max(0, index - 2), index + 1, rule: rule))
        }
        for match in context.matches where !tokens[match.first].quoted {
            if match.category == .proofByAction { spans.append(context.span(match.first, match.end, rule: "tel.proof-by-action")) }
            if match.category == .demand { spans.append(context.span(match.first, match.end, rule: "tel.demand")) }
        }
        let actions = features["actions"] ?? 0
        let states = features["states"] ?? 0
        if actions >= 4 && actions > 2 * (states + 1) {
            spans += context.spans(of: .action, rule: "tel.action-dominant").prefix(5)
        }
        return spans
    }

    private func pretend() -> [EvidenceSpan] {
        var spans = context.spans(of: .jargon, rule: "pr.jargon")
        spans += context.spans(of: .vagueQualifier, rule: "pr.vague")
        let generic = unquotedStates.filter { $0.mention.holder == .generic }
        spans += generic.map { relabel($0.mention.span, "pr.generic-holder") }
        let cognitive = unquotedStates.filter { $0.mention.stateClass == .cognitive }
        if cognitive.count >= 3 && (features["states.affective"] ?? 0) == 0 {
            spans += cognitive.map { relabel($0.mention.span, "pr.cognitive-only") }
        }
        if context.wordCount >= 60 && (features["anchors"] ?? 0) == 0 && (features["quotes"] ?? 0) == 0,
           let first = context.tokens.firstIndex(where: \.isWord) {
            spans.append(context.span(first, first + 1, rule: "pr.no-concrete-anchor"))
        }
        let selfAffect = unquotedStates.filter { $0.mention.holder == .selfHolder && $0.mention.stateClass == .affective }
        if let felt = selfAffect.first, (features["anchors"] ?? 0) > 0 {
            spans.append(relabel(felt.mention.span, "pr.counter.felt-episode"))
        }
        return spans
    }

    private func relabel(_ span: EvidenceSpan, _ rule: String) -> EvidenceSpan {
        EvidenceSpan(start: span.start, end: span.end, text: span.text, rule: rule)
    }
}
