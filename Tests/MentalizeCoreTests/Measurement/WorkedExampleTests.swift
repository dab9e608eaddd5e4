import Testing
@testable import MentalizeCore

/// Worked examples computed by hand from each instrument's published scoring rule.
@Suite("Scoring: worked examples per instrument")
struct WorkedExampleTests {
    @Test("PHQ-9: sum of items 1-9, band and caseness")
    func phq9() throws {
        // setup
        let phq = try MeasurementFixtures.definition("phq-9")
        // act
        let moderate = try ScoringEngine.score(phq, answers: MeasurementFixtures.answers("phq9", [1, 2, 3, 0, 1, 2, 3, 1, 0]))
        let severe = try ScoringEngine.score(phq, answers: MeasurementFixtures.answers("phq9", Array(repeating: 3, count: 9)))
        let mild = try ScoringEngine.score(phq, answers: MeasurementFixtures.answers("phq9", [1, 1, 1, 1, 1, 1, 1, 2, 0]))
        // verify
        #expect(moderate.primary?.value == 13)
        #expect(moderate.primary?.band?.label == "Moderate")
        #expect(moderate.primary?.isCase == true)
        #expect(moderate.primary?.proRated == false)
        #expect(severe.primary?.value == 27)
        #expect(severe.primary?.band?.label == "Severe")
        #expect(mild.primary?.value == 9)
        #expect(mild.primary?.band?.label == "Mild")
        #expect(mild.primary?.isCase == false)
    }

    @Test("PHQ-9: item 9 above zero triggers the alerting risk rule; zero does not")
    func phq9Risk() throws {
        let phq = try MeasurementFixtures.definition("phq-9")
        let positive = try ScoringEngine.score(phq, answers: MeasurementFixtures.answers("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1]))
        let negative = try ScoringEngine.score(phq, answers: MeasurementFixtures.answers("phq9", [3, 3, 3, 3, 3, 3, 3, 3, 0]))
        #expect(positive.risk == RiskAssessment(matchedRules: ["phq9-item9-positive"], level: .high, requiresAlert: true))
        #expect(negative.risk == RiskAssessment(matchedRules: [], level: nil, requiresAlert: false))
    }

    @Test("GAD-7: sum, bands and the NHS Talking Therapies caseness of 8")
    func gad7() throws {
        let gad = try MeasurementFixtures.definition("gad-7")
        let eight = try ScoringEngine.score(gad, answers: MeasurementFixtures.answers("gad7", [1, 1, 1, 1, 1, 1, 2]))
        let seven = try ScoringEngine.score(gad, answers: MeasurementFixtures.answers("gad7", [1, 1, 1, 1, 1, 1, 1]))
        let top = try ScoringEngine.score(gad, answers: MeasurementFixtures.answers("gad7", Array(repeating: 3, count: 7)))
        #expect(eight.primary?.value == 8)
        #expect(eight.primary?.band?.label == "Mild")
        #expect(eight.primary?.isCase == true)
        #expect(seven.primary?.isCase == false)
        #expect(top.primary?.value == 21)
        #expect(top.primary?.band?.label == "Severe")
    }

    @Test("BSL-23: the mean of 23 items, not the sum, with grade boundaries")
    func bsl23() throws {
        // setup: eleven 2s, one 1, eleven 0s: sum 23, mean 1.0
        let bsl = try MeasurementFixtures.definition("bsl-23")
        let codes = Array(repeating: 2, count: 11) + [1] + Array(repeating: 0, count: 11)
        // act
        let result = try ScoringEngine.score(bsl, answers: MeasurementFixtures.answers("bsl23", codes))
        let scale = try #require(bsl.scale(id: "mean"))
        // verify
        #expect(result.primary?.value == 1.0)
        #expect(result.primary?.band?.label == "Mild")
        #expect(scale.band(for: 0.28)?.label == "Mild")
        #expect(scale.band(for: 0.279)?.label == "None or low")
        #expect(scale.band(for: 4)?.label == "Extremely high")
        #expect(result.primary?.isCase == nil)
    }

    @Test("RFQ-8: RFQ_c and RFQ_u from the recoding tables")
    func rfq8() throws {
        // setup: raw 1,7,2,5,3,6,1,4
        // RFQ_c items 1-6 -> 3,0,2,0,1,0 = 6 / 6 = 1.0
        // RFQ_u items 2,4,5,6,8 -> 3,1,0,2,0 and item 7 (1) -> 3: 9 / 6 = 1.5
        let rfq = try MeasurementFixtures.definition("rfq-8")
        // act
        let result = try ScoringEngine.score(rfq, answers: MeasurementFixtures.answers("rfq8", [1, 7, 2, 5, 3, 6, 1, 4]))
        // verify
        #expect(result.scale("rfq_c")?.value == 1.0)
        #expect(result.scale("rfq_u")?.value == 1.5)
        #expect(result.primary?.scaleId == "rfq_u")
        #expect(rfq.scale(id: "rfq_c")?.direction == .higherIsBetter)
        #expect(rfq.scale(id: "rfq_u")?.direction == .lowerIsBetter)
    }

    @Test("RFQ-8: all 4s (the neutral answer) give zero on both scales")
    func rfq8Neutral() throws {
        let rfq = try MeasurementFixtures.definition("rfq-8")
        let result = try ScoringEngine.score(rfq, answers: MeasurementFixtures.answers("rfq8", Array(repeating: 4, count: 8)))
        #expect(result.scale("rfq_c")?.value == 0)
        #expect(result.scale("rfq_u")?.value == 0)
    }

    @Test("WSAS: sum of five 0-8 items and impairment bands")
    func wsas() throws {
        let wsas = try MeasurementFixtures.definition("wsas")
        let low = try ScoringEngine.score(wsas, answers: MeasurementFixtures.answers("wsas", [2, 2, 2, 2, 1]))
        let middle = try ScoringEngine.score(wsas, answers: MeasurementFixtures.answers("wsas", [4, 4, 4, 4, 4]))
        let high = try ScoringEngine.score(wsas, answers: MeasurementFixtures.answers("wsas", [8, 8, 8, 8, 8]))
        #expect(low.primary?.value == 9)
        #expect(low.primary?.band?.label == "Subclinical")
        #expect(middle.primary?.value == 20)
        #expect(middle.primary?.band?.label == "Significant impairment")
        #expect(high.primary?.value == 40)
        #expect(high.primary?.band?.label == "Moderately severe or worse")
    }

    @Test("MSI-BPD: count of yes answers, positive screen from 7")
    func msiBpd() throws {
        let msi = try MeasurementFixtures.definition("msi-bpd")
        func answers(yesCount: Int) -> [String: ItemAnswer] {
            Dictionary(uniqueKeysWithValues: (1...10).map { ("msi-\($0)", ItemAnswer.code($0 <= yesCount ? "yes" : "no")) })
        }
        let seven = try ScoringEngine.score(msi, answers: answers(yesCount: 7))
        let six = try ScoringEngine.score(msi, answers: answers(yesCount: 6))
        #expect(seven.primary?.value == 7)
        #expect(seven.primary?.isCase == true)
        #expect(seven.primary?.band?.label == "Positive screen")
        #expect(six.primary?.isCase == false)
    }

    @Test("CORE-10: items 2 and 3 are reversed before summing")
    func core10() throws {
        // setup: raw 2,4,3,3,1,2,2,1,3,2 (raw sum 23) -> item 2: 4 -> 0, item 3: 3 -> 1 -> total 17
        let core = try MeasurementFixtures.definition("core-10")
        // act
        let result = try ScoringEngine.score(core, answers: MeasurementFixtures.answers("core10", [2, 4, 3, 3, 1, 2, 2, 1, 3, 2]))
        let best = try ScoringEngine.score(core, answers: MeasurementFixtures.answers("core10", [0, 4, 4, 0, 0, 0, 0, 0, 0, 0]))
        // verify
        #expect(result.primary?.value == 17)
        #expect(result.primary?.band?.label == "Moderate")
        #expect(result.primary?.isCase == true)
        #expect(best.primary?.value == 0)
        #expect(best.primary?.band?.label == "Healthy")
    }

    @Test("ZAN-BPD: total and the four sector scores")
    func zanBpd() throws {
        let zan = try MeasurementFixtures.definition("zan-bpd")
        let ratings = [4, 3, 2, 1, 0, 2, 2, 3, 1]
        let answers = Dictionary(uniqueKeysWithValues: zip(zan.allItems.map(\.linkId), ratings.map { ItemAnswer.code(String($0)) }))
        let result = try ScoringEngine.score(zan, answers: answers)
        #expect(result.primary?.value == 18)
        #expect(result.scale("affective")?.value == 9)
        #expect(result.scale("cognitive")?.value == 1)
        #expect(result.scale("impulsive")?.value == 4)
        #expect(result.scale("interpersonal")?.value == 4)
    }
}
