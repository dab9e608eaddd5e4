import Testing
@testable import MentalizeCore

@Suite("Skip logic with groups")
struct GroupSkipLogicTests {
    /// A screening question that opens a group of two follow-up questions.
    private let definition = InstrumentDefinition(
        id: "grouped", version: "1", title: "Grouped", url: "urn:test", rater: .clinician, copyright: "test",
        language: "en", textsShippable: true, source: "test", loinc: nil,
        items: [
            InstrumentItem(linkId: "screen", type: .choice, text: "Any problems?", required: true, answerOptions: [
                AnswerOption(code: "yes", display: "Yes", value: 1), AnswerOption(code: "no", display: "No", value: 0),
            ]),
            InstrumentItem(
                linkId: "details", type: .group, text: "Details",
                enableWhen: [AnswerCondition(question: "screen", operator: .equal, answerCode: "yes")],
                items: [
                    InstrumentItem(linkId: "days", type: .integer, text: "Days affected", required: true, minValue: 0, maxValue: 7),
                    InstrumentItem(linkId: "note", type: .display, text: "Thank you"),
                ]),
        ],
        scoring: nil, riskRules: [
            RiskRule(id: "every-day", level: .moderate, alert: true, description: "Affected every day",
                     conditions: [AnswerCondition(question: "days", operator: .greaterOrEqual, answerNumber: 7)], behavior: .all),
        ])

    @Test("the definition is valid")
    func valid() {
        #expect(DefinitionValidator.issues(in: definition, file: "grouped.json").isEmpty)
    }

    @Test("children of a disabled group are disabled; of an enabled group, required")
    func groupEnabling() throws {
        // act
        let closed = SkipLogic(definition: definition, answers: ["screen": .code("no")]).enabledLinkIds()
        let open = SkipLogic(definition: definition, answers: ["screen": .code("yes")]).enabledLinkIds()
        // verify
        #expect(closed == ["screen"])
        #expect(open == ["screen", "details", "days", "note"])
        #expect(throws: ScoringError.requiredItemMissing(linkId: "days")) {
            try ScoringEngine.score(definition, answers: ["screen": .code("yes")])
        }
        #expect(throws: ScoringError.answeredSkippedItem(linkId: "days")) {
            try ScoringEngine.score(definition, answers: ["screen": .code("no"), "days": .integer(7)])
        }
    }

    @Test("risk rules read integer answers inside groups")
    func integerRisk() throws {
        let daily = try ScoringEngine.score(definition, answers: ["screen": .code("yes"), "days": .integer(7)])
        let some = try ScoringEngine.score(definition, answers: ["screen": .code("yes"), "days": .integer(6)])
        #expect(daily.risk.level == .moderate)
        #expect(daily.risk.requiresAlert)
        #expect(some.risk.level == nil)
        #expect(daily.enabledItems == ["screen", "days"])
    }
}
