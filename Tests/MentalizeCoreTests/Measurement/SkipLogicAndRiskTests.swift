import Testing
@testable import MentalizeCore

@Suite("Scoring: C-SSRS skip logic and triage")
struct SkipLogicAndRiskTests {
    private func yesNo(_ pairs: [(String, Bool)]) -> [String: ItemAnswer] {
        Dictionary(uniqueKeysWithValues: pairs.map { ("cssrs-\($0.0)", ItemAnswer.code($0.1 ? "yes" : "no")) })
    }

    @Test("question 2 answered no skips 3-5; question 6 no skips 6a; only question 1 yes is low risk")
    func lowRisk() throws {
        // setup
        let cssrs = try MeasurementFixtures.definition("c-ssrs-screener")
        // act
        let result = try ScoringEngine.score(cssrs, answers: yesNo([("1", true), ("2", false), ("6", false)]))
        // verify
        #expect(result.enabledItems == ["cssrs-1", "cssrs-2", "cssrs-6"])
        #expect(result.scales.isEmpty)
        #expect(result.risk == RiskAssessment(matchedRules: ["cssrs-low"], level: .low, requiresAlert: false))
    }

    @Test("question 3 yes triages moderate and alerts")
    func moderateRisk() throws {
        let cssrs = try MeasurementFixtures.definition("c-ssrs-screener")
        let result = try ScoringEngine.score(cssrs, answers: yesNo([
            ("1", true), ("2", true), ("3", true), ("4", false), ("5", false), ("6", false),
        ]))
        #expect(result.enabledItems == ["cssrs-1", "cssrs-2", "cssrs-3", "cssrs-4", "cssrs-5", "cssrs-6"])
        #expect(result.risk.level == .moderate)
        #expect(result.risk.requiresAlert)
    }

    @Test("lifetime behaviour is moderate; behaviour in the past 3 months is high")
    func behaviour() throws {
        let cssrs = try MeasurementFixtures.definition("c-ssrs-screener")
        let lifetime = try ScoringEngine.score(cssrs, answers: yesNo([("1", false), ("2", false), ("6", true), ("6a", false)]))
        let recent = try ScoringEngine.score(cssrs, answers: yesNo([("1", false), ("2", false), ("6", true), ("6a", true)]))
        #expect(lifetime.risk.level == .moderate)
        #expect(recent.risk.level == .high)
        #expect(recent.risk.matchedRules == ["cssrs-moderate-lifetime-behaviour", "cssrs-high-recent-behaviour"])
    }

    @Test("intent or plan (question 4 or 5) is high risk")
    func intent() throws {
        let cssrs = try MeasurementFixtures.definition("c-ssrs-screener")
        let result = try ScoringEngine.score(cssrs, answers: yesNo([
            ("1", true), ("2", true), ("3", false), ("4", false), ("5", true), ("6", false),
        ]))
        #expect(result.risk.level == .high)
        #expect(result.risk.requiresAlert)
    }

    @Test("all no is no risk")
    func noRisk() throws {
        let cssrs = try MeasurementFixtures.definition("c-ssrs-screener")
        let result = try ScoringEngine.score(cssrs, answers: yesNo([("1", false), ("2", false), ("6", false)]))
        #expect(result.risk == RiskAssessment(matchedRules: [], level: nil, requiresAlert: false))
    }

    @Test("an answer to a skipped question is rejected")
    func answeredSkipped() throws {
        let cssrs = try MeasurementFixtures.definition("c-ssrs-screener")
        #expect(throws: ScoringError.answeredSkippedItem(linkId: "cssrs-3")) {
            try ScoringEngine.score(cssrs, answers: yesNo([("1", true), ("2", false), ("3", true), ("6", false)]))
        }
    }

    @Test("an enabled required question left empty is rejected")
    func requiredMissing() throws {
        let cssrs = try MeasurementFixtures.definition("c-ssrs-screener")
        #expect(throws: ScoringError.requiredItemMissing(linkId: "cssrs-6")) {
            try ScoringEngine.score(cssrs, answers: yesNo([("1", true), ("2", false)]))
        }
    }

    @Test("PHQ-9's difficulty question is asked only after a problem was checked")
    func phqDifficulty() throws {
        let phq = try MeasurementFixtures.definition("phq-9")
        let none = MeasurementFixtures.answers("phq9", Array(repeating: 0, count: 9))
        let some = MeasurementFixtures.answers("phq9", [0, 0, 0, 0, 1, 0, 0, 0, 0])
        #expect(!SkipLogic(definition: phq, answers: none).enabledLinkIds().contains("phq9-10"))
        #expect(SkipLogic(definition: phq, answers: some).enabledLinkIds().contains("phq9-10"))
        #expect(throws: ScoringError.answeredSkippedItem(linkId: "phq9-10")) {
            try ScoringEngine.score(phq, answers: none.merging(["phq9-10": .code("1")]) { $1 })
        }
        let scored = try ScoringEngine.score(phq, answers: some.merging(["phq9-10": .code("1")]) { $1 })
        #expect(scored.primary?.value == 1)
    }
}
