/// Features of explanation depth that carry across questions (MIND-CA: 0 = behaviour only,
/// 1 = names a state, 2 = nested or false-belief states): belief verbs held by another with a
/// complement clause ("she thought *he was a robber*"), negated knowledge ("didn't know it was a cat"),
/// wanting another to know or see ("didn't want the woman to find them"), deception and "actually".
enum ExplanationDepthFeatures {
    private static let depthRoles: WordFlags = [
        .belief, .perception, .desire, .goalOpener, .falseBelief, .deception, .contrast,
    ]

    static func add(_ context: AnalysisContext, into counts: inout [String: Double], evidence: inout FeatureEvidence) {
        let tokens = context.tokens
        var belief = 0.0, otherBelief = 0.0, complement = 0.0, negatedKnowing = 0.0
        var wantOtherTo = 0.0, falseBelief = 0.0, deception = 0.0, beliefThenBut = 0.0
        var beliefSentence = -1
        for index in tokens.indices where tokens[index].isWord && !tokens[index].quoted {
            let role = tokens[index].flags
            guard !role.isDisjoint(with: Self.depthRoles) else { continue }
            if role.contains(.falseBelief) { falseBelief += 1 }
            if role.contains(.deception) {
                deception += 1
                evidence.add(index, index + 1, rule: "quality.deception")
            }
            if role.contains(.contrast), beliefSentence >= 0, tokens[index].sentence - beliefSentence <= 1 {
                beliefThenBut += 1
            }
            if !role.isDisjoint(with: [.desire, .goalOpener]), let target = otherMindTarget(tokens, after: index) {
                wantOtherTo += 1
                evidence.add(index, target + 1, rule: "quality.goal-about-other-mind")
            }
            let isBelief = role.contains(.belief)
            guard isBelief || role.contains(.perception) else { continue }
            if context.isNegated(index) {
                negatedKnowing += 1
                evidence.add(index, index + 1, rule: "quality.negated-knowing")
            }
            guard isBelief else { continue }
            belief += 1
            beliefSentence = tokens[index].sentence
            guard !heldBySelf(tokens, index) else { continue }
            otherBelief += 1
            if let opener = complementOpener(tokens, after: index) {
                complement += 1
                evidence.add(index, opener + 1, rule: "quality.belief-complement")
            } else {
                evidence.add(index, index + 1, rule: "quality.other-belief")
            }
        }
        counts["beliefVerbs"] = belief
        counts["has.beliefVerb"] = belief > 0 ? 1 : 0
        counts["otherBelief"] = otherBelief
        counts["beliefComplement"] = complement
        counts["has.beliefComplement"] = complement > 0 ? 1 : 0
        counts["negatedKnowing"] = negatedKnowing
        counts["has.negatedKnowing"] = negatedKnowing > 0 ? 1 : 0
        counts["goalAboutOtherMind"] = wantOtherTo
        counts["nestedStates"] = complement + wantOtherTo
        counts["has.nestedState"] = complement + wantOtherTo > 0 ? 1 : 0
        counts["has.otherBelief"] = otherBelief > 0 ? 1 : 0
        counts["falseBelief"] = falseBelief
        counts["has.falseBelief"] = falseBelief > 0 ? 1 : 0
        counts["deception"] = deception
        counts["has.deception"] = deception > 0 ? 1 : 0
        counts["beliefThenBut"] = beliefThenBut
        counts["states.perWord"] = (counts["states"] ?? 0) / max(counts["words"] ?? 1, 1) * 10
    }

    /// "I think …" / "I don't know": the writer's own hedge, not a character's belief.
    private static func heldBySelf(_ tokens: [TextToken], _ index: Int) -> Bool {
        var position = index - 1
        while position >= max(0, index - 3) {
            let token = tokens[position]
            guard token.isWord else { return false }
            if token.flags.contains(.selfWord) { return true }
            if token.flags.contains(.otherWord) || token.flags.contains(.roleNoun) || token.capitalised { return false }
            position -= 1
        }
        return false
    }

    /// A clause starts within two words: a person, a name, "it", "there", "the …" ("thinks *he* is lying").
    /// Returns the position of the word that opens it.
    private static func complementOpener(_ tokens: [TextToken], after index: Int) -> Int? {
        var position = index + 1
        while position < min(tokens.count, index + 3) {
            let token = tokens[position]
            guard token.isWord, token.sentence == tokens[index].sentence else { return nil }
            if token.flags.contains(.otherWord) || token.flags.contains(.roleNoun) || token.capitalised
                || token.flags.contains(.complementOpener) { return position }
            position += 1
        }
        return nil
    }

    /// "want(ed) the woman to know", "so the lady doesn't see them", "make him feel sorry": another
    /// person followed, within six words, by a knowing, perceiving or feeling word, whose position
    /// is returned.
    private static func otherMindTarget(_ tokens: [TextToken], after index: Int) -> Int? {
        var position = index + 1
        var sawOther = false
        while position < min(tokens.count, index + 7) {
            let token = tokens[position]
            guard token.isWord, token.sentence == tokens[index].sentence else { return nil }
            if token.flags.contains(.otherWord) || token.flags.contains(.roleNoun) || token.capitalised {
                sawOther = true
            } else if sawOther, !token.flags.isDisjoint(with: [.belief, .perception, .inducedFeeling]) {
                return position
            }
            position += 1
        }
        return nil
    }
}
