/// One word or punctuation mark of an analysed text, with its position in UTF-16 code units.
struct TextToken: Sendable, Equatable {
    /// Lower-cased, apostrophe-normalised form used for look-ups ("n't" becomes "not").
    var norm: String
    /// Start offset in UTF-16 code units of the original text.
    var start: Int
    /// End offset (exclusive) in UTF-16 code units.
    var end: Int
    var isWord: Bool
    /// Index of the sentence this token belongs to.
    var sentence: Int
    /// True inside double quotation marks (reported speech).
    var quoted: Bool
    /// True when the original word was written in capitals and is at least two letters long.
    var shouted: Bool
    /// True when the original word started with a capital letter (used to spot names).
    var capitalised: Bool = false
    /// Closed-class roles from the lexicon, set once by `AnalysisContext`.
    var flags: WordFlags = []

    /// Capitals read as raised voice: not "I" (from "I'M") and not a word usually written so ("NHS").
    var isShout: Bool {
        shouted && norm != "i" && !flags.contains(.acronym)
    }

    /// True for a word written with a leading digit ("30", "5th").
    var startsWithDigit: Bool {
        guard isWord, let first = norm.utf8.first else { return false }
        return first >= 48 && first <= 57
    }
}
