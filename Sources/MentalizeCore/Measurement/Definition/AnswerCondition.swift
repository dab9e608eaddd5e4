/// A test on one item's answer, used both for `enableWhen` skip logic and for risk rules.
/// Exactly one of `answerCode`, `answerNumber` and `answerExists` is set, like FHIR's
/// mandatory `enableWhen.answer[x]`.
public struct AnswerCondition: Codable, Sendable, Equatable {
    /// linkId of the item whose answer is tested.
    public let question: String
    public let `operator`: ConditionOperator
    /// Compared with the chosen option's code (`=` and `!=` only).
    public let answerCode: String?
    /// Compared with the answer's value: the ordinal value of a choice, or the integer.
    public let answerNumber: Double?
    /// With `exists`: true when the item must be answered, false when it must be empty.
    public let answerExists: Bool?

    public init(
        question: String, operator: ConditionOperator, answerCode: String? = nil,
        answerNumber: Double? = nil, answerExists: Bool? = nil
    ) {
        self.question = question
        self.operator = `operator`
        self.answerCode = answerCode
        self.answerNumber = answerNumber
        self.answerExists = answerExists
    }
}

/// FHIR `enableWhen.operator` values.
public enum ConditionOperator: String, Codable, Sendable, CaseIterable {
    case exists
    case equal = "="
    case notEqual = "!="
    case greater = ">"
    case less = "<"
    case greaterOrEqual = ">="
    case lessOrEqual = "<="
}

/// FHIR `enableBehavior`: whether all or any of several conditions must hold.
public enum ConditionBehavior: String, Codable, Sendable {
    case all
    case any
}
