import Testing
@testable import MentalizeCore

@Suite("Risk pattern matcher")
struct RiskMatcherTests {
    static let matcher = RiskMatcher(patterns: [
        RiskPattern(id: "short", sequence: [["ab*"]], maxGap: 0),
        RiskPattern(id: "long", sequence: [["abcdef*"], ["x"]], maxGap: 1),
        RiskPattern(id: "number", sequence: [["took"], ["#"], ["pills"]], maxGap: 0),
    ])

    func ids(_ text: String) -> [String] {
        Self.matcher.matches(in: Tokenizer.tokenize(text)).map(\.id)
    }

    @Test("short and long prefixes, gaps and numbers")
    func elements() {
        #expect(ids("abc") == ["short"])
        #expect(ids("abcdefgh y x") == ["short", "long"])
        #expect(ids("abcdefgh y z x") == ["short"])
        #expect(ids("I took 30 pills") == ["number"])
        #expect(ids("I took many pills").isEmpty)
    }

    @Test("more than 256 elements compile and match (no fixed limit)")
    func manyElements() {
        let patterns = (0..<300).map { RiskPattern(id: "p\($0)", sequence: [["w\($0)"]], maxGap: 0) }
        let matcher = RiskMatcher(patterns: patterns)
        #expect(matcher.matches(in: Tokenizer.tokenize("w299 and w3")).map(\.id) == ["p299", "p3"])
    }
}
