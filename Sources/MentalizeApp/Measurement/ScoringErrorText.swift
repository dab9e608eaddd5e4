import MentalizeCore

/// Why answers entered from a paper form cannot be scored, in the page's language (the API says
/// it in English, from the core's description, for programs).
enum ScoringErrorText {
    static func text(_ error: ScoringError) -> String {
        switch error {
        case let .unknownItem(linkId): PageText.text("scoring.error.unknownItem", ["item": linkId])
        case let .notAQuestion(linkId): PageText.text("scoring.error.notAQuestion", ["item": linkId])
        case let .unknownCode(linkId, code, allowed):
            PageText.text("scoring.error.unknownCode", ["item": linkId, "code": code, "allowed": allowed.joined(separator: ", ")])
        case let .wrongAnswerType(linkId, _): PageText.text("scoring.error.wrongAnswerType", ["item": linkId])
        case let .outOfRange(linkId, value, min, max):
            PageText.text("scoring.error.outOfRange", ["item": linkId, "value": String(value), "min": String(min), "max": String(max)])
        case let .answeredSkippedItem(linkId): PageText.text("scoring.error.answeredSkippedItem", ["item": linkId])
        case let .requiredItemMissing(linkId): PageText.text("scoring.error.requiredItemMissing", ["item": linkId])
        case let .tooManyMissing(scale, missing, allowed):
            PageText.text("scoring.error.tooManyMissing", ["scale": scale, "count": String(missing.count), "items": missing.joined(separator: ", "), "allowed": String(allowed)])
        }
    }
}
