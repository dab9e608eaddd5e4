/// Evaluates skip-logic and risk-rule conditions against a set of answers.
/// A condition on an unanswered item is false, except `exists` with `answerExists: false`.
struct ConditionEvaluator {
    let definition: InstrumentDefinition
    let answers: [String: ItemAnswer]

    func holds(_ conditions: [AnswerCondition], behavior: ConditionBehavior?) -> Bool {
        switch behavior ?? .all {
        case .all: conditions.allSatisfy(holds)
        case .any: conditions.contains(where: holds)
        }
    }

    func holds(_ condition: AnswerCondition) -> Bool {
        let answer = answers[condition.question]
        if condition.operator == .exists {
            return (answer != nil) == (condition.answerExists ?? true)
        }
        guard let answer, let item = definition.item(linkId: condition.question) else { return false }
        if let expectedCode = condition.answerCode {
            guard case let .code(code) = answer else { return false }
            switch condition.operator {
            case .equal: return code == expectedCode
            case .notEqual: return code != expectedCode
            default: return false
            }
        }
        guard let expected = condition.answerNumber, let value = answer.value(on: item) else { return false }
        switch condition.operator {
        case .equal: return value == expected
        case .notEqual: return value != expected
        case .greater: return value > expected
        case .less: return value < expected
        case .greaterOrEqual: return value >= expected
        case .lessOrEqual: return value <= expected
        case .exists: return false
        }
    }
}
