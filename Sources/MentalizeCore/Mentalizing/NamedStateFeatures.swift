/// Whether an explanation names a mind at all, and whether it gives that state a content or a
/// reason. MIND-CA's 0/1 boundary across questions: a 0 answer tells only what happened ("because it
/// was raining"), a 1 answer names a state or a disposition ("because he is greedy", "she was
/// scared"). Body sensations and action tendencies (LEAS levels 1–2: "hid", "cried") describe
/// behaviour, so they are not counted here. Evidence rules: `quality.named-state`,
/// `quality.state-with-content` (the state and the words up to its content), `quality.trait`.
enum NamedStateFeatures {
    static func add(_ context: AnalysisContext, into counts: inout [String: Double], evidence: inout FeatureEvidence) {
        var named = 0.0, withContent = 0.0
        for state in context.states where !state.mention.quoted && namesAState(state.mention) {
            named += 1
            if let opener = contentOpener(context.tokens, after: state.end - 1) {
                withContent += 1
                evidence.add(state.first, opener + 1, rule: "quality.state-with-content")
            } else {
                evidence.add(state.mention.span, rule: "quality.named-state")
            }
        }
        for match in context.matches where match.category == .traitLabel && !context.tokens[match.first].quoted {
            named += 1
            evidence.add(match.first, match.end, rule: "quality.trait")
        }
        counts["namedStates"] = named
        counts["has.namedState"] = named > 0 ? 1 : 0
        counts["namedStatesWithContent"] = withContent
    }

    /// Cognitive, desire and perception states, and emotions from the global level ("upset") up.
    private static func namesAState(_ mention: MentalStateMention) -> Bool {
        mention.stateClass != .affective || (mention.emotionLevel ?? 0) >= 3
    }

    /// Within two words a person, a name, a clause opener or "to" follows: the state has a content or
    /// a reason ("scared *he* would rob her", "wanted *to* get more", "thought *it* was a scarf").
    /// Returns the position of that word.
    private static func contentOpener(_ tokens: [TextToken], after last: Int) -> Int? {
        var position = last + 1
        while position < min(tokens.count, last + 3) {
            let token = tokens[position]
            guard token.isWord, token.sentence == tokens[last].sentence else { return nil }
            if token.capitalised || token.norm == "to"
                || !token.flags.isDisjoint(with: [.otherWord, .roleNoun, .selfWord, .complementOpener]) {
                return position
            }
            position += 1
        }
        return nil
    }
}
