/// Small closed-class word sets used by the rules, built once (grammar words, not lexicon content).
enum WordSets {
    static let clauseAfterSo: Set<String> = ["obviously", "clearly", "it", "that", "you", "we", "there", "now"]
    static let genericYouCues: Set<String> = ["when", "if", "makes", "make", "made", "unless", "can"]
    static let peopleInGeneral: Set<String> = ["people", "anyone", "everyone", "one"]
    static let feelVerbs: Set<String> = ["feel", "feels", "felt"]
    static let feelAsThink: Set<String> = ["like", "that", "as"]
    static let likeAfterCopula: Set<String> = ["was", "is", "were", "am", "are", "be", "feel", "felt", "looks", "looked", "just", "more"]
    static let likeAfterSubject: Set<String> = ["you", "we", "not", "really", "would", "to", "people", "also"]
    static let negationStops: Set<String> = ["and", "but", "because", "so", "that", "which", "or"]
    static let couldTell: Set<String> = ["tell", "see"]
    /// Modal verbs that mark possibility rather than fact (strongest hedges in the certainty data).
    static let epistemicModals: Set<String> = ["might", "may", "could", "would", "should", "can"]
}
