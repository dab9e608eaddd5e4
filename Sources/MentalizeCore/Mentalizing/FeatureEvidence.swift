/// The evidence spans behind a group of features (explanation quality: rules `quality.*`; certainty:
/// `certainty.*`), collected while the features are counted, so a clinician can see which words
/// moved the estimate.
struct FeatureEvidence {
    private let context: AnalysisContext
    private(set) var spans: [EvidenceSpan] = []

    init(_ context: AnalysisContext) {
        self.context = context
    }

    /// Tokens `first..<end` support `rule`.
    mutating func add(_ first: Int, _ end: Int, rule: String) {
        spans.append(context.span(first, end, rule: rule))
    }

    /// An existing span (a mental-state mention) supports `rule`; its text is reused, not sliced again.
    mutating func add(_ span: EvidenceSpan, rule: String) {
        spans.append(EvidenceSpan(start: span.start, end: span.end, text: span.text, rule: rule))
    }
}
