/// Small closed-class word sets used by the rules, built once (grammar words, not lexicon content).
enum WordSets {
    static let clauseAfterSo: Set<String> = ["obviously", "clearly", "it", "that", "you", "we", "there", "now"]
    static let genericYouCues: Set<String> = ["when", "if", "makes", "make", "made", "unless", "can"]
    static let peopleInGeneral: Set<String> = ["people", "anyone", "everyone", "one"]
    static let feelVerbs: Set<String> = ["feel", "feels", "felt"]
    /// Quantities written as words, after which "about" and "around" approximate ("about half").
    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen", "twenty",
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands",
        "million", "millions", "billion", "dozen", "dozens", "half", "twice", "double",
    ]
    static let feelAsThink: Set<String> = ["like", "that", "as"]
    static let likeAfterCopula: Set<String> = ["was", "is", "were", "am", "are", "be", "feel", "felt", "looks", "looked", "just", "more"]
    static let likeAfterSubject: Set<String> = ["you", "we", "not", "really", "would", "to", "people", "also"]
    static let negationStops: Set<String> = ["and", "but", "because", "so", "that", "which", "or"]
    static let couldTell: Set<String> = ["tell", "see"]
    /// Modal verbs that mark possibility rather than fact (strongest hedges in the certainty data).
    static let epistemicModals: Set<String> = ["might", "may", "could", "would", "should", "can"]
}
