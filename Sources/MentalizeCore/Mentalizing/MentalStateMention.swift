/// Who holds a mental state.
public enum MentalStateHolder: String, Codable, Sendable {
    case selfHolder = "self", specificOther, generic, addressee, unspecified
}

/// The class of a mental-state predicate.
public enum MentalStateClass: String, Codable, Sendable {
    case cognitive, affective, desire, perception
}

/// Whether a mental state is hedged ("maybe he was angry") or asserted ("he was obviously angry").
public enum EpistemicStance: String, Codable, Sendable {
    case hedged, asserted, plain
}

/// One mental-state predicate found in the text, with its holder, class and stance.
public struct MentalStateMention: Codable, Sendable, Equatable {
    public var span: EvidenceSpan
    public var stateClass: MentalStateClass
    /// LEAS-style level for affective words: 1 body, 2 action tendency, 3 global, 4 specific, 5 blend.
    public var emotionLevel: Int?
    public var holder: MentalStateHolder
    public var stance: EpistemicStance
    public var negated: Bool
    /// Inside quotation marks: reported speech, not counted in the indices.
    public var quoted: Bool
    /// Part of the complement of another mental state ("he thought *I knew*").
    public var embedded: Bool
    /// Sentence index (0-based).
    public var sentence: Int
}
