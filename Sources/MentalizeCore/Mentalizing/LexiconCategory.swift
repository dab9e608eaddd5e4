/// The word-list families of the mentalizing lexicon (resource `lexicon.json`).
enum LexiconCategory: UInt32, Sendable, CaseIterable {
    case cognitive, affective, desire, perception, action, hedge, booster, absolute
    case traitLabel, jargon, vagueQualifier, filler, perspective, temporalFrame, causal, concreteAnchor, proofByAction, demand

    /// A one-bit mask, so a token's categories fit in one integer.
    var bit: UInt32 { 1 << rawValue }

    /// True for the four classes of mental-state predicate.
    var isMentalState: Bool {
        switch self {
        case .cognitive, .affective, .desire, .perception: return true
        default: return false
        }
    }
}

/// One occurrence of a lexicon entry in a token list (token indices, end exclusive).
struct LexiconMatch: Sendable, Equatable {
    var category: LexiconCategory
    var first: Int
    var end: Int
    /// LEAS-style emotion level 1–4 for affective words, 0 otherwise.
    var emotionLevel: Int
}
