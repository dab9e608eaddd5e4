import Testing
@testable import MentalizeCore

@Suite("Scoring: bad answers and missing items")
struct AnswerValidationTests {
    @Test("unknown code, unknown item, display item and wrong type are rejected with clear messages")
    func badAnswers() throws {
        // setup
        let phq = try MeasurementFixtures.definition("phq-9")
        var answers = MeasurementFixtures.answers("phq9", Array(repeating: 1, count: 9))
        // act + verify
        answers["phq9-4"] = .code("4")
        let unknownCode = #expect(throws: ScoringError.self) { try ScoringEngine.score(phq, answers: answers) }
        #expect(unknownCode == .unknownCode(linkId: "phq9-4", code: "4", allowed: ["0", "1", "2", "3"]))
        #expect(unknownCode?.description == "Answer '4' is not allowed for item 'phq9-4' (allowed: 0, 1, 2, 3).")
        answers["phq9-4"] = .integer(2)
        #expect(throws: ScoringError.wrongAnswerType(linkId: "phq9-4", expected: .choice)) {
            try ScoringEngine.score(phq, answers: answers)
        }
        answers["phq9-4"] = .code("2")
        #expect(throws: ScoringError.unknownItem(linkId: "phq9-11")) {
            try ScoringEngine.score(phq, answers: answers.merging(["phq9-11": .code("1")]) { $1 })
        }
        #expect(throws: ScoringError.notAQuestion(linkId: "phq9-intro")) {
            try ScoringEngine.score(phq, answers: answers.merging(["phq9-intro": .code("1")]) { $1 })
        }
    }

    @Test("integer items reject values outside their bounds")
    func integerOutOfRange() throws {
        // setup: a one-item scale with an integer item 0...10
        let item = InstrumentItem(linkId: "distress", type: .integer, text: "Distress 0-10", minValue: 0, maxValue: 10)
        let scale = ScaleDefinition(
            id: "total", title: "Distress", method: .sum, items: ["distress"],
            missing: MissingItemRule(maxMissing: 0, method: .none), range: ScoreRange(min: 0, max: 10),
            direction: .lowerIsBetter, source: "test")
        let definition = InstrumentDefinition(
            id: "thermometer", version: "1", title: "Thermometer", url: "urn:test", rater: .self, copyright: "test",
            language: "en", textsShippable: true, source: "test", loinc: nil, items: [item],
            scoring: ScoringRules(primaryScale: "total", scales: [scale]), riskRules: [])
        #expect(DefinitionValidator.issues(in: definition, file: "t").isEmpty)
        // act + verify
        #expect(try ScoringEngine.score(definition, answers: ["distress": .integer(7)]).primary?.value == 7)
        #expect(throws: ScoringError.outOfRange(linkId: "distress", value: 11, min: 0, max: 10)) {
            try ScoringEngine.score(definition, answers: ["distress": .integer(11)])
        }
        #expect(throws: ScoringError.outOfRange(linkId: "distress", value: -1, min: 0, max: 10)) {
            try ScoringEngine.score(definition, answers: ["distress": .integer(-1)])
        }
    }

    @Test("PHQ-9: one missing item is pro-rated and rounded half up; two are too many")
    func phqProRating() throws {
        // setup: eight items answered 2, item 5 missing -> 16 x 9 / 8 = 18
        let phq = try MeasurementFixtures.definition("phq-9")
        var answers = MeasurementFixtures.answers("phq9", Array(repeating: 2, count: 9))
        answers["phq9-5"] = nil
        // act
        let result = try ScoringEngine.score(phq, answers: answers)
        var rounding = MeasurementFixtures.answers("phq9", [1, 1, 1, 1, 1, 1, 1, 0, 0])
        rounding["phq9-9"] = nil
        let rounded = try ScoringEngine.score(phq, answers: rounding)
        // verify
        #expect(result.primary?.value == 18)
        #expect(result.primary?.proRated == true)
        #expect(result.primary?.missingItems == ["phq9-5"])
        #expect(result.primary?.band?.label == "Moderately severe")
        #expect(rounded.primary?.value == 8) // 7 x 9 / 8 = 7.875 -> 8
        answers["phq9-6"] = nil
        let error = #expect(throws: ScoringError.self) { try ScoringEngine.score(phq, answers: answers) }
        #expect(error == .tooManyMissing(scale: "total", missing: ["phq9-5", "phq9-6"], allowed: 1))
        #expect(error?.description.contains("at most 1 allowed") == true)
    }

    @Test("BSL-23: missing items drop out of the mean; more than two are too many")
    func bslMissing() throws {
        let bsl = try MeasurementFixtures.definition("bsl-23")
        var answers = MeasurementFixtures.answers("bsl23", Array(repeating: 3, count: 21) + [0, 0])
        answers["bsl23-22"] = nil
        answers["bsl23-23"] = nil
        let result = try ScoringEngine.score(bsl, answers: answers)
        #expect(result.primary?.value == 3)
        #expect(result.primary?.proRated == true)
        answers["bsl23-1"] = nil
        #expect(throws: ScoringError.tooManyMissing(scale: "mean", missing: ["bsl23-1", "bsl23-22", "bsl23-23"], allowed: 2)) {
            try ScoringEngine.score(bsl, answers: answers)
        }
    }

    @Test("WSAS allows no missing items; an empty response cannot be scored")
    func noMissingAllowed() throws {
        let wsas = try MeasurementFixtures.definition("wsas")
        var answers = MeasurementFixtures.answers("wsas", [1, 2, 3, 4, 5])
        answers["wsas-2"] = nil
        #expect(throws: ScoringError.tooManyMissing(scale: "total", missing: ["wsas-2"], allowed: 0)) {
            try ScoringEngine.score(wsas, answers: answers)
        }
        #expect(throws: ScoringError.self) { try ScoringEngine.score(wsas, answers: [:]) }
    }
}
