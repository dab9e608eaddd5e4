public import Foundation

/// Reads a diary entry or note and returns signals of mentalizing with evidence spans.
/// The risk-language screen runs first; when it fires, no analysis is done.
public struct MentalizingAnalyzer: Sendable {
    /// Texts shorter than this get no whole-text indices ("not enough text to say").
    public static let minimumWords = 30

    private let weights: MentalizingWeights?
    private let screen = RiskLanguageScreen()
    /// Which certainty features' words are shown as evidence under these weights.
    private let certaintyShown: [Bool]

    /// Uses the bundled weights.
    public init() {
        self.init(weights: MentalizingWeights.bundled)
    }

    /// Uses the weights in `weightsFile` (same format as the bundled `weights.json`).
    public init(weightsFile: URL) throws {
        self.init(weights: try MentalizingWeights(contentsOf: weightsFile))
    }

    private init(weights: MentalizingWeights?) {
        self.weights = weights
        certaintyShown = weights.map { CertaintyFeatures.shownEvidence(for: $0.certainty) } ?? []
    }

    public func analyze(_ text: String) -> MentalizingAnalysis {
        let tokens = Tokenizer.tokenize(text)
        let risk = screen.screen(tokens: tokens, text: text)
        guard let lexicon = Lexicon.bundled, let weights else {
            let unavailable = EvidenceSpan(start: 0, end: 0, text: "", rule: "analyzer.resources-unavailable")
            return .routedToSafety(RiskScreenResult(matches: risk.matches + [unavailable]), wordCount: 0)
        }
        let context = AnalysisContext(text: text, lexicon: lexicon, tokens: tokens)
        if risk.routeToSafety, weights.evaluationOnlyBypassSafetyGate != true {
            return .routedToSafety(risk, wordCount: context.wordCount)
        }

        var evidence = FeatureExtractor.Evidence(context, certaintyShown: certaintyShown)
        let features = FeatureExtractor.features(of: context, evidence: &evidence)
        let enough = context.wordCount >= Self.minimumWords
        let quality = weights.explanationQuality.score(features)
        let clamped = min(2, max(0, quality))
        let rating = weights.certainty.score(features)
        return MentalizingAnalysis(
            status: enough ? .analyzed : .notEnoughText,
            wordCount: context.wordCount,
            risk: risk,
            balance: enough ? Self.balance(features) : nil,
            explanationQuality: ExplanationQuality(score: clamped, level: weights.explanationQuality.level(for: quality),
                                                   evidence: evidence.quality.spans),
            certaintyAboutOthers: OtherMindCertaintyEstimator.estimate(context),
            // Logistic around the scale's midpoint 3.5: monotone, so rankings survive, and within 0…1.
            certainty: 1 / (1 + exp(3.5 - rating)),
            certaintyEvidence: evidence.certainty.spans,
            signals: ModeSignalScorer(context: context, features: features, ruleWeights: weights.modeRules).signals(),
            mentalStates: context.states.map(\.mention),
            features: features)
    }

    private static func balance(_ features: [String: Double]) -> BalanceIndices {
        func count(_ name: String) -> Int { Int(features[name] ?? 0) }
        let other = count("holder.specificOther") + count("holder.addressee")
        return BalanceIndices(
            selfOther: BalanceIndex(count("holder.self"), other),
            cognitiveAffective: BalanceIndex(count("states.cognitive"), count("states.affective")),
            internalExternal: BalanceIndex(count("states"), count("actions")))
    }
}
