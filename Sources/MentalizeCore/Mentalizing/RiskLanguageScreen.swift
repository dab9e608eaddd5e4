/// Screens text for self-harm, suicide, overdose and violence language before any analysis.
/// High recall over precision: negated phrases ("I'm not going to kill myself") still alert.
/// If the bundled pattern list cannot be read the screen fails safe and routes every text to safety.
public struct RiskLanguageScreen: Sendable {
    private let matcher: RiskMatcher?

    public init() {
        matcher = RiskPatternList.bundled.map { RiskMatcher(patterns: $0.patterns) }
    }

    public func screen(_ text: String) -> RiskScreenResult {
        screen(tokens: Tokenizer.tokenize(text), text: text)
    }

    func screen(tokens: [TextToken], text: String) -> RiskScreenResult {
        guard let matcher else {
            return RiskScreenResult(matches: [EvidenceSpan(start: 0, end: 0, text: "", rule: "risk.screen-unavailable")])
        }
        let spans = matcher.matches(in: tokens).map { match in
            let start = tokens[match.range.lowerBound].start
            let end = tokens[match.range.upperBound - 1].end
            return EvidenceSpan(start: start, end: end, text: Self.slice(text, start, end), rule: "risk.\(match.id)")
        }
        return RiskScreenResult(matches: spans)
    }

    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let utf16 = text.utf16
        let from = utf16.index(utf16.startIndex, offsetBy: start)
        let to = utf16.index(utf16.startIndex, offsetBy: end)
        return String(text[from..<to])
    }
}
