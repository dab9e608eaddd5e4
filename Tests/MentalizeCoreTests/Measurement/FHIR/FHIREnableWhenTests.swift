import Testing
@testable import MentalizeCore

/// The exported `enableWhen` must enable exactly the items `SkipLogic` enables, for every
/// combination of answers, under R4 semantics (`!=` also holds for an unanswered question).
@Suite("FHIR: enableWhen mapping")
struct FHIREnableWhenTests {
    private static func choice(_ linkId: String, _ codes: [String]) -> InstrumentItem {
        InstrumentItem(linkId: linkId, type: .choice, text: linkId, answerOptions: codes.enumerated().map { index, code in
            AnswerOption(code: code, display: code, value: Double(index))
        })
    }

    private static func dependent(_ linkId: String, _ behavior: ConditionBehavior?, _ conditions: AnswerCondition...) -> InstrumentItem {
        InstrumentItem(linkId: linkId, type: .display, text: linkId, enableWhen: conditions, enableBehavior: behavior)
    }

    /// Three unconditional questions, then items enabled by every kind of condition.
    static let definition = InstrumentDefinition(
        id: "conditions", version: "1", title: "Conditions", url: "urn:test:conditions", rater: .self, copyright: "test",
        language: "en", textsShippable: true, source: "test", loinc: nil,
        items: [
            choice("mood", ["none", "some", "much", "all"]),
            choice("sleep", ["no", "yes"]),
            InstrumentItem(linkId: "count", type: .integer, text: "count", minValue: 0, maxValue: 5),
            dependent("code-not-equal", nil, AnswerCondition(question: "mood", operator: .notEqual, answerCode: "some")),
            dependent("all-mixed", .all,
                      AnswerCondition(question: "mood", operator: .greaterOrEqual, answerNumber: 2),
                      AnswerCondition(question: "sleep", operator: .equal, answerCode: "yes")),
            dependent("any-mixed", .any,
                      AnswerCondition(question: "mood", operator: .less, answerNumber: 1),
                      AnswerCondition(question: "sleep", operator: .notEqual, answerCode: "yes"),
                      AnswerCondition(question: "count", operator: .greater, answerNumber: 3)),
            dependent("not-answered", nil, AnswerCondition(question: "sleep", operator: .exists, answerExists: false)),
            dependent("integer-not-equal", nil, AnswerCondition(question: "count", operator: .notEqual, answerNumber: 3)),
            dependent("integer-not-equal-all", .all,
                      AnswerCondition(question: "count", operator: .notEqual, answerNumber: 3),
                      AnswerCondition(question: "mood", operator: .exists, answerExists: true)),
            dependent("integer-fraction-above", nil, AnswerCondition(question: "count", operator: .greater, answerNumber: 2.5)),
            dependent("integer-fraction-at-most", nil, AnswerCondition(question: "count", operator: .lessOrEqual, answerNumber: 2.5)),
            dependent("integer-fraction-equal", .any,
                      AnswerCondition(question: "count", operator: .equal, answerNumber: 2.5),
                      AnswerCondition(question: "sleep", operator: .equal, answerCode: "no")),
            dependent("never", nil, AnswerCondition(question: "mood", operator: .greater, answerNumber: 5)),
            dependent("never-any", .any,
                      AnswerCondition(question: "mood", operator: .greater, answerNumber: 5),
                      AnswerCondition(question: "count", operator: .equal, answerNumber: 2.5)),
            dependent("any-option", nil, AnswerCondition(question: "mood", operator: .greaterOrEqual, answerNumber: 0)),
            InstrumentItem(
                linkId: "details", type: .group, text: "details",
                enableWhen: [AnswerCondition(question: "sleep", operator: .equal, answerCode: "yes")],
                items: [
                    InstrumentItem(linkId: "days", type: .integer, text: "days", minValue: 0, maxValue: 7),
                    InstrumentItem(linkId: "days-note", type: .display, text: "note"),
                ]),
        ],
        scoring: nil, riskRules: [])

    @Test("the test definition is valid")
    func valid() {
        #expect(DefinitionValidator.issues(in: Self.definition, file: "conditions.json").isEmpty)
    }

    @Test("every answer combination enables the same items in FHIR as in SkipLogic")
    func sameMeaning() {
        // setup
        let questionnaire = FHIRExport.questionnaire(Self.definition)
        let dependents = Self.definition.items.filter { $0.enableWhen != nil }
        let moods: [ItemAnswer?] = [nil] + ["none", "some", "much", "all"].map { .code($0) }
        let sleeps: [ItemAnswer?] = [nil, .code("no"), .code("yes")]
        let counts: [ItemAnswer?] = [nil] + (0...5).map { .integer($0) }
        for mood in moods {
            for sleep in sleeps {
                for count in counts {
                    let answers = ["mood": mood, "sleep": sleep, "count": count].compactMapValues { $0 }
                    // act
                    let expected = SkipLogic(definition: Self.definition, answers: answers).enabledLinkIds()
                    // verify
                    for item in dependents {
                        let exported = FHIRFixtures.item(item.linkId, in: questionnaire)
                        let enabled = Self.r4Enabled(exported, answers: answers, questionnaire: questionnaire)
                        #expect(enabled == expected.contains(item.linkId), "\(item.linkId) with \(answers)")
                    }
                }
            }
        }
    }

    @Test("a choice condition is written with the fewest entries; several entries carry enableBehavior")
    func compactForms() {
        let questionnaire = FHIRExport.questionnaire(Self.definition)
        let notEqual = FHIRFixtures.item("code-not-equal", in: questionnaire)
        #expect(notEqual?["enableWhen"]?.elements.map { $0["operator"]?.string } == ["exists", "!="])
        #expect(notEqual?["enableBehavior"]?.string == "all")
        let anyOption = FHIRFixtures.item("any-option", in: questionnaire)
        #expect(anyOption?["enableWhen"] == [["question": "mood", "operator": "exists", "answerBoolean": .bool(true)]])
        #expect(anyOption?["enableBehavior"] == nil)
        let fraction = FHIRFixtures.item("integer-fraction-above", in: questionnaire)
        #expect(fraction?["enableWhen"] == [["question": "count", "operator": ">", "answerInteger": .integer(2)]])
    }

    /// Evaluates an exported item's `enableWhen` the way an R4 form filler does.
    private static func r4Enabled(_ item: FHIRJSON?, answers: [String: ItemAnswer], questionnaire: FHIRJSON) -> Bool {
        let results = (item?["enableWhen"]?.elements ?? []).map { condition in
            let question = condition["question"]?.string ?? ""
            let answer = answers[question].flatMap { fhirValue($0, question: question, questionnaire: questionnaire) }
            let expected = condition["answerCoding"] ?? condition["answerInteger"] ?? condition["answerBoolean"]
            switch condition["operator"]?.string {
            case "exists": return (answer != nil) == (expected == .bool(true))
            case "=": return answer != nil && answer == expected
            case "!=": return answer != expected
            default:
                guard let value = answer?.number, let bound = expected?.number else { return false }
                switch condition["operator"]?.string {
                case ">": return value > bound
                case ">=": return value >= bound
                case "<": return value < bound
                case "<=": return value <= bound
                default: return false
                }
            }
        }
        return item?["enableBehavior"]?.string == "any" ? results.contains(true) : results.allSatisfy { $0 }
    }

    /// An answer as R4 compares it: the option's Coding (system and code), or the integer.
    private static func fhirValue(_ answer: ItemAnswer, question: String, questionnaire: FHIRJSON) -> FHIRJSON? {
        switch answer {
        case let .integer(number):
            return .integer(number)
        case let .code(code):
            let options = FHIRFixtures.item(question, in: questionnaire)?["answerOption"]?.elements ?? []
            return options.first { $0["valueCoding"]?["code"]?.string == code }?["valueCoding"]
        }
    }
}
