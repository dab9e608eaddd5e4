/// Closed-class roles of a word (pronoun, negator, hedge…), looked up once per token as a bit set.
struct WordFlags: OptionSet, Sendable {
    let rawValue: UInt64

    static let selfWord = WordFlags(rawValue: 1 << 0)
    static let otherWord = WordFlags(rawValue: 1 << 1)
    static let genericWord = WordFlags(rawValue: 1 << 2)
    static let roleNoun = WordFlags(rawValue: 1 << 3)
    static let clauseBreak = WordFlags(rawValue: 1 << 4)
    static let skippable = WordFlags(rawValue: 1 << 5)
    static let negator = WordFlags(rawValue: 1 << 6)
    static let stanceHedge = WordFlags(rawValue: 1 << 7)
    static let stanceBooster = WordFlags(rawValue: 1 << 8)
    // Roles for the explanation-depth and certainty features (word lists in `lexicon.json`,
    // `wordRoles`, except the grammar words in `grammarSets`).
    static let belief = WordFlags(rawValue: 1 << 9)
    static let perception = WordFlags(rawValue: 1 << 10)
    static let desire = WordFlags(rawValue: 1 << 11)
    static let goalOpener = WordFlags(rawValue: 1 << 12)
    static let inducedFeeling = WordFlags(rawValue: 1 << 13)
    static let complementOpener = WordFlags(rawValue: 1 << 14)
    static let falseBelief = WordFlags(rawValue: 1 << 15)
    static let deception = WordFlags(rawValue: 1 << 16)
    static let scienceHedge = WordFlags(rawValue: 1 << 17)
    static let scienceBooster = WordFlags(rawValue: 1 << 18)
    static let percentWord = WordFlags(rawValue: 1 << 19)
    static let firstPersonPlural = WordFlags(rawValue: 1 << 20)
    static let conditional = WordFlags(rawValue: 1 << 21)
    static let contrast = WordFlags(rawValue: 1 << 22)
    static let pastTense = WordFlags(rawValue: 1 << 23)
    static let statistics = WordFlags(rawValue: 1 << 24)
    static let openQuestion = WordFlags(rawValue: 1 << 25)
    static let approximator = WordFlags(rawValue: 1 << 26)
    static let attribution = WordFlags(rawValue: 1 << 27)
    static let unknown = WordFlags(rawValue: 1 << 28)
    static let concession = WordFlags(rawValue: 1 << 29)
    static let epistemicModal = WordFlags(rawValue: 1 << 30)
    static let negationStop = WordFlags(rawValue: 1 << 31)
    static let feelVerb = WordFlags(rawValue: 1 << 32)
    static let certaintyWord = WordFlags(rawValue: 1 << 33)
    static let reportingVerb = WordFlags(rawValue: 1 << 34)
    static let researchCall = WordFlags(rawValue: 1 << 35)
    static let researchWork = WordFlags(rawValue: 1 << 36)
    /// "about", "around": an approximator (and science hedge) only before a number ("about 20 %");
    /// otherwise the preposition of "care about me", which hedges nothing.
    static let numericApproximator = WordFlags(rawValue: 1 << 37)
    /// Words usually written in capitals ("NHS", "GP", "OK", "AM"): in capitals they are not shouting.
    static let acronym = WordFlags(rawValue: 1 << 38)
    /// May, might, could: the modals that are also stance hedges (not the ability and obligation
    /// modals can, would, should).
    static let possibilityModal: WordFlags = [.epistemicModal, .stanceHedge]

    /// The roles a `wordRoles` list in `lexicon.json` can set, by name.
    static let rolesByName: [String: WordFlags] = [
        "belief": .belief, "perception": .perception, "desire": .desire, "goalOpener": .goalOpener,
        "inducedFeeling": .inducedFeeling, "complementOpener": .complementOpener, "falseBelief": .falseBelief,
        "deception": .deception, "scienceHedge": .scienceHedge, "scienceBooster": .scienceBooster,
        "pastTense": .pastTense, "statistics": .statistics, "openQuestion": .openQuestion,
        "approximator": .approximator, "attribution": .attribution, "unknown": .unknown, "concession": .concession,
        "certaintyWord": .certaintyWord, "reportingVerb": .reportingVerb, "researchCall": .researchCall,
        "researchWork": .researchWork, "numericApproximator": .numericApproximator,
        "acronym": .acronym,
    ]

    /// Grammar words with a role, merged into the lexicon's look-up table with the lexicon's lists.
    static let grammarSets: [(Set<String>, WordFlags)] = [
        (["percent"], .percentWord), (["we", "our"], .firstPersonPlural), (["if", "whether"], .conditional),
        (["but"], .contrast), (WordSets.epistemicModals, .epistemicModal), (WordSets.negationStops, .negationStop),
        (WordSets.feelVerbs, .feelVerb),
    ]

    /// Words that cannot be a person's name even when capitalised.
    static let notAName: WordFlags = [.skippable, .negator, .stanceHedge, .stanceBooster, .genericWord]
}
