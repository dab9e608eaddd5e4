/// Screens text for self-harm, suicide, overdose and violence language before any analysis.
/// High recall over precision: negated phrases ("I'm not going to kill myself") still alert.
/// If the bundled pattern list cannot be read the screen fails safe and routes every text to safety.
public struct RiskLanguageScreen: Sendable {
    private let patterns: [RiskPattern]?
    /// Pattern indices keyed by an exact first word; prefix patterns are tried at every word.
    private let byFirstWord: [String: [Int]]
    private let prefixPatterns: [Int]

    public init() {
        let patterns = RiskPatternList.bundled?.patterns
        self.patterns = patterns
        var index: [String: [Int]] = [:]
        var prefixed: [Int] = []
        for (position, pattern) in (patterns ?? []).enumerated() {
            let first = pattern.sequence.first ?? []
            if first.contains(where: { $0.hasSuffix("*") }) {
                prefixed.append(position)
            } else {
                for word in Set(first) { index[word, default: []].append(position) }
            }
        }
        byFirstWord = index
        prefixPatterns = prefixed
    }

    public func screen(_ text: String) -> RiskScreenResult {
        screen(tokens: Tokenizer.tokenize(text), text: text)
    }

    func screen(tokens: [TextToken], text: String) -> RiskScreenResult {
        guard let patterns else {
            return RiskScreenResult(matches: [EvidenceSpan(start: 0, end: 0, text: "", rule: "risk.screen-unavailable")])
        }
        var spans: [EvidenceSpan] = []
        for index in tokens.indices where tokens[index].isWord {
            func tryPatterns(_ candidates: [Int]) {
                for position in candidates {
                    let pattern = patterns[position]
                    guard let range = pattern.match(at: index, in: tokens) else { continue }
                    let start = tokens[range.lowerBound].start
                    let end = tokens[range.upperBound - 1].end
                    spans.append(EvidenceSpan(start: start, end: end, text: Self.slice(text, start, end),
                                              rule: "risk.\(pattern.id)"))
                }
            }
            if let exact = byFirstWord[tokens[index].norm] { tryPatterns(exact) }
            tryPatterns(prefixPatterns)
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
