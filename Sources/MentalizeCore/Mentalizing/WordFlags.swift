/// Closed-class roles of a word (pronoun, negator, hedge…), looked up once per token as a bit set.
struct WordFlags: OptionSet, Sendable {
    let rawValue: UInt16

    static let selfWord = WordFlags(rawValue: 1 << 0)
    static let otherWord = WordFlags(rawValue: 1 << 1)
    static let genericWord = WordFlags(rawValue: 1 << 2)
    static let roleNoun = WordFlags(rawValue: 1 << 3)
    static let clauseBreak = WordFlags(rawValue: 1 << 4)
    static let skippable = WordFlags(rawValue: 1 << 5)
    static let negator = WordFlags(rawValue: 1 << 6)
    static let stanceHedge = WordFlags(rawValue: 1 << 7)
    static let stanceBooster = WordFlags(rawValue: 1 << 8)

    /// Words that cannot be a person's name even when capitalised.
    static let notAName: WordFlags = [.skippable, .negator, .stanceHedge, .stanceBooster, .genericWord]
}
