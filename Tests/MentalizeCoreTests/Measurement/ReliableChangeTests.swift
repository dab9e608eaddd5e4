import Testing
@testable import MentalizeCore

@Suite("Reliable and clinically significant change")
struct ReliableChangeTests {
    private func phqResult(total: Int) throws -> ScoreResult {
        // total spread over the items, 3 per item until used up
        let codes = (0..<9).map { index in min(3, max(0, total - 3 * index)) }
        return try ScoringEngine.score(MeasurementFixtures.definition("phq-9"), answers: MeasurementFixtures.answers("phq9", codes))
    }

    @Test("PHQ-9 with the published threshold of 6", arguments: [
        (18, 9, ChangeOutcome.recovered),
        (18, 12, ChangeOutcome.improved),
        (16, 10, ChangeOutcome.improved),
        (15, 10, ChangeOutcome.noReliableChange),
        (12, 17, ChangeOutcome.noReliableChange),
        (10, 16, ChangeOutcome.deteriorated),
        (3, 9, ChangeOutcome.deteriorated),
    ])
    func phq9(before: Int, after: Int, expected: ChangeOutcome) throws {
        // setup
        let phq = try MeasurementFixtures.definition("phq-9")
        // act
        let change = try ReliableChange.compare(phq, from: phqResult(total: before), to: phqResult(total: after))
        // verify
        #expect(change.outcome == expected)
        #expect(change.delta == Double(after - before))
        #expect(change.threshold == 6)
        #expect(change.thresholdKind == .published)
    }

    @Test("BSL-23 uses the Jacobson-Truax threshold computed from reliability and SD")
    func bslComputed() throws {
        // setup: threshold = 1.96 x sqrt(2 x SD^2 x (1 - r)) with r = .935, SD = 0.9 -> about 0.636
        let bsl = try MeasurementFixtures.definition("bsl-23")
        let expected = 1.96 * (2 * 0.9 * 0.9 * (1 - 0.935)).squareRoot()
        let high = try ScoringEngine.score(bsl, answers: MeasurementFixtures.answers("bsl23", Array(repeating: 2, count: 23)))
        let lower = try ScoringEngine.score(bsl, answers: MeasurementFixtures.answers("bsl23", Array(repeating: 1, count: 23)))
        let slightlyLower = try ScoringEngine.score(
            bsl, answers: MeasurementFixtures.answers("bsl23", Array(repeating: 2, count: 13) + Array(repeating: 1, count: 10)))
        // act
        let big = try ReliableChange.compare(bsl, from: high, to: lower)
        let small = try ReliableChange.compare(bsl, from: high, to: slightlyLower)
        // verify
        #expect(abs(big.threshold - expected) < 1e-12)
        #expect(abs(expected - 0.636) < 0.001)
        #expect(big.thresholdKind == .jacobsonTruax)
        #expect(big.outcome == .improved) // no caseness cut-off, so never "recovered"
        #expect(small.outcome == .noReliableChange) // 10/23 = 0.435 < 0.636
    }

    @Test("direction matters: on a higher-is-better scale a rise is an improvement")
    func higherIsBetter() throws {
        // setup: a 0-10 wellbeing item, higher is better, threshold 3, caseness at or below 4
        let item = InstrumentItem(linkId: "wellbeing", type: .integer, text: "Wellbeing", minValue: 0, maxValue: 10)
        let scale = ScaleDefinition(
            id: "total", title: "Wellbeing", method: .sum, items: ["wellbeing"],
            missing: MissingItemRule(maxMissing: 0, method: .none), range: ScoreRange(min: 0, max: 10),
            direction: .higherIsBetter, caseness: Caseness(threshold: 4, source: "test"),
            reliableChange: ReliableChangeParameters(threshold: 3, reliability: nil, standardDeviation: nil, source: "test"),
            source: "test")
        let definition = InstrumentDefinition(
            id: "wellbeing", version: "1", title: "Wellbeing", url: "urn:test", rater: .self, copyright: "test",
            language: "en", textsShippable: true, source: "test", loinc: nil, items: [item],
            scoring: ScoringRules(primaryScale: "total", scales: [scale]), riskRules: [])
        func result(_ value: Int) throws -> ScoreResult {
            try ScoringEngine.score(definition, answers: ["wellbeing": .integer(value)])
        }
        // act + verify
        #expect(try ReliableChange.compare(definition, from: result(3), to: result(7)).outcome == .recovered)
        #expect(try ReliableChange.compare(definition, from: result(6), to: result(9)).outcome == .improved)
        #expect(try ReliableChange.compare(definition, from: result(8), to: result(4)).outcome == .deteriorated)
        #expect(try ReliableChange.compare(definition, from: result(5), to: result(7)).outcome == .noReliableChange)
    }

    @Test("comparisons that cannot be made say why")
    func errors() throws {
        let rfq = try MeasurementFixtures.definition("rfq-8")
        let phq = try MeasurementFixtures.definition("phq-9")
        let rfqResult = try ScoringEngine.score(rfq, answers: MeasurementFixtures.answers("rfq8", Array(repeating: 4, count: 8)))
        let phqResult = try phqResult(total: 10)
        #expect(throws: ReliableChangeError.noParameters(instrument: "rfq-8", scale: "rfq_c")) {
            try ReliableChange.compare(rfq, scaleId: "rfq_c", from: rfqResult, to: rfqResult)
        }
        #expect(throws: ReliableChangeError.differentInstrument(expected: "phq-9", found: "rfq-8")) {
            try ReliableChange.compare(phq, from: phqResult, to: rfqResult)
        }
        #expect(throws: ReliableChangeError.unknownScale(instrument: "phq-9", scale: "rfq_u")) {
            try ReliableChange.compare(phq, scaleId: "rfq_u", from: phqResult, to: phqResult)
        }
    }
}
