/// Features of explanation depth that carry across questions (MIND-CA: 0 = behaviour only,
/// 1 = names a state, 2 = nested or false-belief states): belief verbs held by another with a
/// complement clause ("she thought *he was a robber*"), negated knowledge ("didn't know it was a cat"),
/// wanting another to know or see ("didn't want the woman to find them"), deception and "actually".
enum ExplanationDepthFeatures {
    static func add(_ context: AnalysisContext, into counts: inout [String: Double]) {
        let tokens = context.tokens
        var belief = 0.0, otherBelief = 0.0, complement = 0.0, negatedKnowing = 0.0
        var wantOtherTo = 0.0, falseBelief = 0.0, deception = 0.0, beliefThenBut = 0.0
        var beliefSentence = -1
        for index in tokens.indices where tokens[index].isWord && !tokens[index].quoted {
            let norm = tokens[index].norm
            if WordSets.falseBeliefMarkers.contains(norm) { falseBelief += 1 }
            if WordSets.deceptionWords.contains(norm) { deception += 1 }
            if norm == "but", beliefSentence >= 0, tokens[index].sentence - beliefSentence <= 1 { beliefThenBut += 1 }
            if WordSets.desireVerbs.contains(norm) || WordSets.goalOpeners.contains(norm),
               aimsAtOtherMind(tokens, after: index) { wantOtherTo += 1 }
            let isBelief = WordSets.beliefVerbs.contains(norm)
            guard isBelief || WordSets.perceptionVerbs.contains(norm) else { continue }
            let negated = context.isNegated(index)
            if negated { negatedKnowing += 1 }
            guard isBelief else { continue }
            belief += 1
            beliefSentence = tokens[index].sentence
            guard !heldBySelf(tokens, index) else { continue }
            otherBelief += 1
            if opensComplement(tokens, after: index) { complement += 1 }
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
    private static func opensComplement(_ tokens: [TextToken], after index: Int) -> Bool {
        var position = index + 1
        while position < min(tokens.count, index + 3) {
            let token = tokens[position]
            guard token.isWord, token.sentence == tokens[index].sentence else { return false }
            if token.flags.contains(.otherWord) || token.flags.contains(.roleNoun) || token.capitalised
                || WordSets.complementOpeners.contains(token.norm) { return true }
            position += 1
        }
        return false
    }

    /// "want(ed) the woman to know", "so the lady doesn't see them", "make him feel sorry": another
    /// person followed, within six words, by a knowing, perceiving or feeling word.
    private static func aimsAtOtherMind(_ tokens: [TextToken], after index: Int) -> Bool {
        var position = index + 1
        var sawOther = false
        while position < min(tokens.count, index + 7) {
            let token = tokens[position]
            guard token.isWord, token.sentence == tokens[index].sentence else { return false }
            if token.flags.contains(.otherWord) || token.flags.contains(.roleNoun) || token.capitalised {
                sawOther = true
            } else if sawOther, WordSets.beliefVerbs.contains(token.norm) || WordSets.perceptionVerbs.contains(token.norm)
                        || WordSets.inducedFeelings.contains(token.norm) {
                return true
            }
            position += 1
        }
        return false
    }
}
