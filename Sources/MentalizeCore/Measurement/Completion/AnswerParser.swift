import Foundation

/// Turns what a form sent for one question into an answer, or a message a person can act on.
public enum AnswerParser {
    public static func parse(_ raw: String?, for item: InstrumentItem) -> Result<ItemAnswer, AnswerProblem> {
        let text = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .failure(.missing) }
        switch item.type {
        case .choice:
            guard item.option(code: text) != nil else { return .failure(.notAnOption) }
            return .success(.code(text))
        case .integer:
            guard text.count <= 9, let number = Int(text) else { return .failure(.notANumber) }
            if let min = item.minValue, number < min { return .failure(.outOfRange(min: item.minValue, max: item.maxValue)) }
            if let max = item.maxValue, number > max { return .failure(.outOfRange(min: item.minValue, max: item.maxValue)) }
            return .success(.integer(number))
        case .display, .group:
            return .failure(.notAQuestion)
        }
    }
}

/// Why an answer was not accepted.
public enum AnswerProblem: Error, Sendable, Equatable {
    case missing
    case notAnOption
    case notANumber
    case outOfRange(min: Int?, max: Int?)
    case notAQuestion
}
