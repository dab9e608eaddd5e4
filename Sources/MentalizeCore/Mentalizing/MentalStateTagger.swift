/// Turns lexicon matches into mental-state mentions with holder, stance, negation, quotation and
/// embedding, skipping discourse fillers ("you know", "I mean", filler "like").
struct MentalStateTagger {
    let text: String
    let tokens: [TextToken]

    /// A mention with its token range, used by later rules.
    struct Tagged {
        var mention: MentalStateMention
        var first: Int
        var end: Int
        var holderWord: String?
    }

    /// `fillerTokens[i]` is true for tokens inside a discourse filler ("you know").
    func tag(_ matches: [LexiconMatch], fillerTokens: [Bool]) -> [Tagged] {
        let resolver = HolderResolver(tokens: tokens)
        var tagged: [Tagged] = []
        var covered = [Bool](repeating: false, count: tokens.count)
        for match in matches where match.category.isMentalState {
            guard !fillerTokens[match.first], !covered[match.first] else { continue }
            let word = tokens[match.first].norm
            if word == "like" || word == "likes", !isVerbLike(at: match.first) { continue }
            var stateClass = Self.stateClass(of: match.category)
            if tokens[match.first].flags.contains(.feelVerb), match.first + 1 < tokens.count,
               WordSets.feelAsThink.contains(tokens[match.first + 1].norm) {
                stateClass = .cognitive
                covered[match.first + 1] = true
            }
            for position in match.first..<match.end { covered[position] = true }
            var (holder, holderWord) = resolver.holder(before: match.first)
            if holder == .unspecified, let previous = tagged.last,
               previous.mention.sentence == tokens[match.first].sentence {
                holder = previous.mention.holder
                holderWord = previous.holderWord
            }
            let embedded = tagged.contains { isEmbedding($0, of: match.first, holderWord: holderWord) }
            let mention = MentalStateMention(
                span: span(match.first, match.end, rule: "state.\(stateClass.rawValue)"),
                stateClass: stateClass,
                emotionLevel: stateClass == .affective ? match.emotionLevel : nil,
                holder: holder, stance: stance(at: match.first), negated: isNegated(at: match.first),
                quoted: tokens[match.first].quoted, embedded: embedded, sentence: tokens[match.first].sentence)
            tagged.append(Tagged(mention: mention, first: match.first, end: match.end, holderWord: holderWord))
        }
        return tagged
    }

    func span(_ first: Int, _ end: Int, rule: String) -> EvidenceSpan {
        let start = tokens[first].start
        let stop = tokens[max(first, end - 1)].end
        let utf16 = text.utf16
        let from = utf16.index(utf16.startIndex, offsetBy: start)
        let to = utf16.index(utf16.startIndex, offsetBy: stop)
        return EvidenceSpan(start: start, end: stop, text: String(text[from..<to]), rule: rule)
    }

    private static func stateClass(of category: LexiconCategory) -> MentalStateClass {
        switch category {
        case .cognitive: return .cognitive
        case .desire: return .desire
        case .perception: return .perception
        default: return .affective
        }
    }

    /// "like" is a verb of liking only after a subject, a negation or an auxiliary.
    private func isVerbLike(at index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = tokens[index - 1].norm
        if WordSets.likeAfterCopula.contains(previous) {
            return false
        }
        return !tokens[index - 1].flags.isDisjoint(with: [.selfWord, .otherWord])
            || WordSets.likeAfterSubject.contains(previous)
    }

    private func isEmbedding(_ outer: Tagged, of index: Int, holderWord: String?) -> Bool {
        guard outer.mention.stateClass != .affective,
              outer.mention.sentence == tokens[index].sentence,
              index - outer.end <= 8, index >= outer.end else { return false }
        return holderWord != nil && holderWord != outer.holderWord
    }

    private func isNegated(at index: Int) -> Bool {
        var position = index - 1
        while position >= max(0, index - 4) {
            let token = tokens[position]
            guard token.isWord else { return false }
            if token.flags.contains(.negator) { return true }
            if token.flags.contains(.negationStop) { return false }
            position -= 1
        }
        return false
    }

    /// "could tell" / "could see" claims knowledge; it is not a hedge.
    private func isCouldTell(_ position: Int) -> Bool {
        tokens[position].norm == "could" && position + 1 < tokens.count && WordSets.couldTell.contains(tokens[position + 1].norm)
    }

    private func stance(at index: Int) -> EpistemicStance {
        let sentence = tokens[index].sentence
        var hedged = tokens[index].flags.contains(.stanceHedge)
        var asserted = false
        var position = max(0, index - 8)
        while position <= min(tokens.count - 1, index + 2) {
            let token = tokens[position]
            if token.sentence == sentence, position != index {
                if token.flags.contains(.stanceHedge), !isCouldTell(position) { hedged = true }
                if token.flags.contains(.stanceBooster) { asserted = true }
            }
            position += 1
        }
        if hedged { return .hedged }
        return asserted ? .asserted : .plain
    }
}
