/// Everything the feature and mode rules read: tokens, lexicon matches and tagged mental states.
struct AnalysisContext {
    let text: String
    let lexicon: Lexicon
    let tokens: [TextToken]
    let matches: [LexiconMatch]
    let states: [MentalStateTagger.Tagged]
    let wordCount: Int
    let sentenceCount: Int
    /// Bit mask of the categories whose match starts at each token.
    let categoryMasks: [UInt32]

    init(text: String, lexicon: Lexicon, tokens: [TextToken]) {
        self.text = text
        self.lexicon = lexicon
        var tokens = tokens
        let matches = lexicon.annotate(&tokens)
        self.tokens = tokens
        self.matches = matches
        var fillers = [Bool](repeating: false, count: tokens.count)
        var masks = [UInt32](repeating: 0, count: tokens.count)
        for match in matches {
            masks[match.first] |= match.category.bit
            if match.category == .filler {
                for position in match.first..<match.end { fillers[position] = true }
            }
        }
        categoryMasks = masks
        states = MentalStateTagger(text: text, tokens: tokens).tag(matches, fillerTokens: fillers)
        var words = 0
        for index in tokens.indices where tokens[index].isWord {
            if index == 0 || tokens[index - 1].start != tokens[index].start { words += 1 }
        }
        wordCount = words
        sentenceCount = max(1, (tokens.last?.sentence ?? 0) + (tokens.last?.isWord == true ? 1 : 0))
    }

    func has(_ category: LexiconCategory, at index: Int) -> Bool {
        categoryMasks[index] & category.bit != 0
    }

    func span(_ first: Int, _ end: Int, rule: String) -> EvidenceSpan {
        MentalStateTagger(text: text, tokens: tokens).span(first, end, rule: rule)
    }

    func spans(of category: LexiconCategory, rule: String) -> [EvidenceSpan] {
        matches.filter { $0.category == category && !tokens[$0.first].quoted }
            .map { span($0.first, $0.end, rule: rule) }
    }

    /// True when a negator stands within three words before `index` in the same clause.
    func isNegated(_ index: Int) -> Bool {
        var position = index - 1
        while position >= max(0, index - 3) {
            guard tokens[position].isWord else { return false }
            if tokens[position].flags.contains(.negator) { return true }
            position -= 1
        }
        return false
    }

    /// "so" is causal when a clause follows it ("so he…"), not when it intensifies ("so angry").
    func isCausal(at index: Int) -> Bool {
        guard has(.causal, at: index) else { return false }
        guard tokens[index].norm == "so" else { return true }
        guard index + 1 < tokens.count else { return false }
        let next = tokens[index + 1].norm
        let nextFlags = tokens[index + 1].flags
        return nextFlags.contains(.selfWord) || nextFlags.contains(.otherWord)
            || WordSets.clauseAfterSo.contains(next)
    }
}
