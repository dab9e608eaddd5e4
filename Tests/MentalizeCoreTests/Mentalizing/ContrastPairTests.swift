import Testing
@testable import MentalizeCore

@Suite("Contrast pairs")
struct ContrastPairTests {
    @Test("at least 200 pairs, at least 90 % ordered correctly")
    func pairsAreOrdered() {
        // setup
        let analyzer = MentalizingAnalyzer()
        let pairs = ContrastPairData.all
        // act
        let misses = pairs.filter { pair in
            pair.value(analyzer.analyze(pair.lower)) >= pair.value(analyzer.analyze(pair.higher))
        }
        // verify
        let correct = Double(pairs.count - misses.count) / Double(pairs.count)
        let report = misses.map { "[\($0.measure.rawValue)] \"\($0.lower)\" !< \"\($0.higher)\"" }.joined(separator: "\n")
        #expect(pairs.count >= 200)
        print("contrast pairs: \(pairs.count), ordered correctly: \(Int(correct * 1000) / 10) %, misses: \(misses.count)\n\(report)")
        #expect(correct >= 0.9, "ordered \(Int(correct * 100)) %; misses:\n\(report)")
    }

    @Test("no pair is analysed as risk language")
    func pairsAreNotRisk() {
        let screen = RiskLanguageScreen()
        let flagged = ContrastPairData.all.flatMap { [$0.lower, $0.higher] }.filter { screen.screen($0).routeToSafety }
        #expect(flagged.isEmpty, "flagged: \(flagged)")
    }
}
