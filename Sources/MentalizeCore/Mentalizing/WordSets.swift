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
    /// Belief and knowledge verbs (as opposed to desire or emotion words).
    static let beliefVerbs: Set<String> = [
        "think", "thinks", "thought", "know", "knows", "knew", "known", "believe", "believes", "believed",
        "realise", "realised", "realize", "realized", "expect", "expected", "assume", "assumed", "guess",
        "guessed", "suppose", "supposed", "forgot", "forget", "remember", "remembered", "understand",
        "understood", "wonder", "wondered", "suspect", "suspected", "imagine", "imagined",
        // Frequent children's spellings in free-text answers.
        "thougt", "thaught", "tought", "thout", "thort", "fort", "belive", "belives", "relise",
        "nows", "knowed", "thinked", "though", "thinking", "beleive", "beleived", "belived", "knoes", "nos",
        "fout", "fik", "fink", "finks", "mistook",
    ]
    /// Perception and discovery verbs ("so she doesn't see them", "didn't want to be found").
    static let perceptionVerbs: Set<String> = [
        "see", "sees", "saw", "seen", "notice", "notices", "noticed", "find", "finds", "found", "hear",
        "hears", "heard", "spot", "spotted", "catch", "caught", "recognise", "recognize", "recognised",
        "recognized", "discover", "discovered",
    ]
    /// Desire verbs that can take another person and an infinitive ("wanted the woman to know").
    static let desireVerbs: Set<String> = ["want", "wants", "wanted", "whant", "wont", "wish", "wished", "hope", "hoped"]
    /// Words that open a goal about another's mind ("so the lady doesn't see them", "make him feel sorry").
    static let goalOpeners: Set<String> = ["so", "make", "makes", "made", "get", "gets", "trick", "tricks"]
    /// Feeling words that another person can be led to ("so the server will feel bad").
    static let inducedFeelings: Set<String> = ["feel", "feels", "sorry", "pity", "sympathy", "believe", "worry", "suspect"]
    /// Words that can open the complement clause of a belief verb ("thought *it* was a scarf").
    static let complementOpeners: Set<String> = [
        "it", "its", "there", "the", "a", "an", "that", "this", "someone", "somebody", "something", "nobody",
    ]
    /// Words about deceiving or managing another's view (the writer models what the other will believe).
    static let deceptionWords: Set<String> = [
        "lie", "lies", "lied", "lying", "liar", "liying", "lieing", "trick", "tricked", "tricking", "pretend",
        "pretends", "pretended", "pretending", "fool", "fooled", "excuse", "pity", "sympathy", "convince",
        "persuade", "fake", "faking", "secret", "surprise", "joke", "joking", "polite", "impress",
    ]
    /// Words that mark a gap between what someone believes and what is so (false belief, deception).
    static let falseBeliefMarkers: Set<String> = [
        "actually", "really", "pretend", "pretends", "pretended", "pretending", "trick", "tricked", "tricking",
        "mistake", "mistaken", "mistook", "wrong", "accident", "realise", "realised", "realize", "realized",
        "instead", "same", "looked", "looks", "confused",
    ]
    /// Research-style hedges (in addition to the lexicon's hedges) and result boosters for certainty.
    static let scienceHedges: Set<String> = [
        "suggest", "suggests", "suggested", "appear", "appears", "appeared", "indicate", "indicates",
        "associated", "linked", "correlated", "correlation", "preliminary", "potentially", "potential",
        "possible", "some", "risk", "tend", "tends", "partly", "relatively", "approximately", "about",
    ]
    static let scienceBoosters: Set<String> = [
        "show", "shows", "showed", "shown", "find", "finds", "found", "demonstrate", "demonstrates",
        "demonstrated", "prove", "proves", "proved", "confirm", "confirms", "confirmed", "clearly",
        "significantly", "significant", "will", "cause", "causes", "caused", "increase", "increases",
        "reduce", "reduces", "all", "every", "must",
    ]
    /// Past-tense auxiliaries: a sentence that reports what was found reads as more certain.
    static let pastTense: Set<String> = ["was", "were", "did", "had"]
    /// Words of statistical reporting (tests, comparisons, samples).
    static let statistics: Set<String> = [
        "p", "ci", "significant", "significantly", "statistically", "difference", "differences", "compared",
        "versus", "vs", "ratio", "interval", "confidence", "odds", "mean", "median", "average", "participants",
        "sample", "group", "groups",
    ]
    /// Open questions and what might follow ("further research is needed", "could help", "promising").
    static let openQuestions: Set<String> = [
        "further", "future", "need", "needed", "needs", "should", "potential", "potentially", "warranted",
        "research", "help", "could", "might", "may", "promising", "hope", "possible", "possibly", "perhaps",
    ]
    /// Approximators and frequency hedges ("about", "often", "tend to").
    static let approximators: Set<String> = [
        "about", "around", "approximately", "roughly", "nearly", "almost", "estimated", "estimate", "up", "some",
        "several", "many", "often", "sometimes", "likely", "tend", "tends", "generally", "typically", "usually",
    ]
    /// Attribution to a source or a stance verb ("she said", "according to", "the authors argue").
    static let attribution: Set<String> = [
        "said", "says", "according", "suggest", "suggests", "suggested", "believe", "believes", "think", "thinks",
        "argue", "argues", "claim", "claims", "propose", "proposes", "hypothesize", "hypothesise", "speculate",
    ]
    /// Words that name what is not known ("it remains unclear", "gaps in our knowledge").
    static let unknowns: Set<String> = [
        "unclear", "unknown", "uncertain", "uncertainty", "unresolved", "remain", "remains", "debate", "debated",
        "controversial", "gaps", "gap", "limited", "little", "unanswered", "open", "speculative", "hypothesis",
        "hypothesize", "theory", "theorize",
    ]
    /// Concession ("although", "however"): the claim is qualified.
    static let concession: Set<String> = ["although", "though", "however", "but", "while", "whereas", "despite", "yet"]
    /// Words of knowing and evidence that, negated, say something is not known ("it is not clear",
    /// "no evidence", "cannot say").
    static let certaintyWords: Set<String> = [
        "clear", "known", "sure", "certain", "say", "evidence", "enough", "understood", "established", "proven",
        "conclusive", "possible",
    ]
    /// Verbs that report a finding when followed by "that" ("results suggest that", "we show that").
    static let reportingVerbs: Set<String> = [
        "suggest", "suggests", "suggested", "indicate", "indicates", "indicated", "show", "shows", "showed",
        "found", "find", "demonstrate", "demonstrates", "reveal", "reveals",
    ]
}
