/// The token ranges behind the explanation-quality features, collected while the features are
/// counted and turned into evidence spans (rules `quality.*`) for the output, so a clinician can see
/// which words moved the estimate.
struct QualityEvidence {
    private struct Range {
        var first: Int
        var end: Int
        var rule: String
    }

    private var ranges: [Range] = []

    /// Tokens `first..<end` support the rule `quality.<rule>`.
    mutating func add(_ first: Int, _ end: Int, rule: String) {
        ranges.append(Range(first: first, end: end, rule: rule))
    }

    func spans(in context: AnalysisContext) -> [EvidenceSpan] {
        ranges.map { context.span($0.first, $0.end, rule: $0.rule) }
    }
}
