/// What is wrong with a field, for code that needs more than the message.
public enum DiaryFieldProblem: Codable, Sendable, Equatable {
    case required
    case tooLong(limit: Int)
    case outOfRange(min: Int, max: Int)
    case unknownEmotion
    case duplicateEmotion
    case tooManyEmotions(limit: Int)
}

/// One validation error: the field, a key naming the exact input (`emotions[2].intensity`),
/// the problem and a readable English message.
public struct DiaryFieldError: Codable, Sendable, Equatable, CustomStringConvertible {
    public var field: DiaryField
    public var key: String
    public var problem: DiaryFieldProblem
    public var message: String

    public init(field: DiaryField, key: String? = nil, problem: DiaryFieldProblem, message: String) {
        self.field = field
        self.key = key ?? field.rawValue
        self.problem = problem
        self.message = message
    }

    public var description: String { "\(key): \(message)" }
}
