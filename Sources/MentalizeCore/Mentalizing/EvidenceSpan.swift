/// A piece of the input that made a rule fire. Offsets are UTF-16 code units (`end` exclusive),
/// so `NSRange(location: start, length: end - start)` and JavaScript `slice(start, end)` both work.
public struct EvidenceSpan: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// The matched text, exactly as written in the input.
    public var text: String
    /// The identifier of the rule or word list that matched, e.g. `pe.certain-other-mind`.
    public var rule: String

    public init(start: Int, end: Int, text: String, rule: String) {
        self.start = start
        self.end = end
        self.text = text
        self.rule = rule
    }
}
