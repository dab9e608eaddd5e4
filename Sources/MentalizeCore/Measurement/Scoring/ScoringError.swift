/// Why a set of answers cannot be scored. Every case names the item or scale concerned.
public enum ScoringError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownItem(linkId: String)
    case notAQuestion(linkId: String)
    case unknownCode(linkId: String, code: String, allowed: [String])
    case wrongAnswerType(linkId: String, expected: ItemType)
    case outOfRange(linkId: String, value: Int, min: Int, max: Int)
    case answeredSkippedItem(linkId: String)
    case requiredItemMissing(linkId: String)
    case tooManyMissing(scale: String, missing: [String], allowed: Int)

    public var description: String {
        switch self {
        case let .unknownItem(linkId):
            "Answer given for '\(linkId)', which is not an item of this instrument."
        case let .notAQuestion(linkId):
            "Item '\(linkId)' is not a question and cannot be answered."
        case let .unknownCode(linkId, code, allowed):
            "Answer '\(code)' is not allowed for item '\(linkId)' (allowed: \(allowed.joined(separator: ", ")))."
        case let .wrongAnswerType(linkId, expected):
            "Item '\(linkId)' expects a \(expected.rawValue) answer."
        case let .outOfRange(linkId, value, min, max):
            "Answer \(value) for item '\(linkId)' is outside \(min)...\(max)."
        case let .answeredSkippedItem(linkId):
            "Item '\(linkId)' was answered but is skipped by the answers given."
        case let .requiredItemMissing(linkId):
            "Required item '\(linkId)' is not answered."
        case let .tooManyMissing(scale, missing, allowed):
            "Scale '\(scale)' has \(missing.count) unanswered items (\(missing.joined(separator: ", "))); at most \(allowed) allowed."
        }
    }
}
