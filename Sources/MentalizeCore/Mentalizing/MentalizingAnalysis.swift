/// Outcome of an analysis: analysed, too short for whole-text indices, or routed to safety.
public enum AnalysisStatus: String, Codable, Sendable {
    case analyzed, notEnoughText, routeToSafety
}

/// A balance index in -1…1 between two poles, with the counts it was computed from.
public struct BalanceIndex: Codable, Sendable, Equatable {
    /// (first − second) / (first + second); 0 when both counts are 0.
    public var value: Double
    public var firstCount: Int
    public var secondCount: Int

    init(_ first: Int, _ second: Int) {
        firstCount = first
        secondCount = second
        value = first + second == 0 ? 0 : Double(first - second) / Double(first + second)
    }
}

/// The MBT balance dimensions: self/other, cognitive/affective, internal/external.
public struct BalanceIndices: Codable, Sendable, Equatable {
    /// Positive = self-focused, negative = other-focused.
    public var selfOther: BalanceIndex
    /// Positive = cognitive, negative = affective.
    public var cognitiveAffective: BalanceIndex
    /// Positive = mental-state terms, negative = action and event words.
    public var internalExternal: BalanceIndex
}

/// Estimated quality of mental-state explanation on MIND-CA's 0–2 scale.
public struct ExplanationQuality: Codable, Sendable, Equatable {
    /// Continuous estimate, clamped to 0…2.
    public var score: Double
    /// 0 = no mental-state reasoning, 1 = partial, 2 = full (nested or false-belief states).
    public var level: Int
    /// The words behind the estimate (rules `quality.*`): named states and traits, states with a
    /// content, beliefs held by others and their clause, goals about another's mind, negated knowing,
    /// deception words, causes that are events only, a "don't know" answer.
    public var evidence: [EvidenceSpan]
}

/// How certain the writer sounds about other people's minds (0 tentative … 1 certain).
public struct OtherMindCertainty: Codable, Sendable, Equatable {
    public var value: Double
    public var level: SignalLevel
    public var evidence: [EvidenceSpan]
}

/// The full result for one text. Signals of mentalizing for reflection, never a score of the person.
public struct MentalizingAnalysis: Codable, Sendable, Equatable {
    public var status: AnalysisStatus
    public var wordCount: Int
    public var risk: RiskScreenResult
    /// Whole-text balance indices; nil when the text is too short (under 30 words) or routed to safety.
    public var balance: BalanceIndices?
    public var explanationQuality: ExplanationQuality?
    public var certaintyAboutOthers: OtherMindCertainty?
    /// General certainty-vs-tentativeness of the wording, 0 (tentative) … 1 (certain):
    /// a logistic of the predicted 1–6 certainty rating centred on 3.5.
    public var certainty: Double?
    /// The words behind `certainty` (rules `certainty.<feature>`: modal verbs, hedges, negations,
    /// reporting and qualifying words), for the features that move the predicted rating by at least
    /// 0.1 per word.
    public var certaintyEvidence: [EvidenceSpan]?
    public var signals: [ModeSignal]
    public var mentalStates: [MentalStateMention]
    /// The raw feature counts the weights combine, so a clinician can see why.
    public var features: [String: Double]

    static func routedToSafety(_ risk: RiskScreenResult, wordCount: Int) -> MentalizingAnalysis {
        MentalizingAnalysis(status: .routeToSafety, wordCount: wordCount, risk: risk, balance: nil,
                            explanationQuality: nil, certaintyAboutOthers: nil, certainty: nil, certaintyEvidence: nil,
                            signals: [], mentalStates: [], features: [:])
    }
}
