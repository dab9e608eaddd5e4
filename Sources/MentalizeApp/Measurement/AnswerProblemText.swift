import MentalizeCore

/// What an answer the core refused says to the person answering, in the page's language.
enum AnswerProblemText {
    static func text(_ problem: AnswerProblem) -> String {
        switch problem {
        case .missing: PageText.text("measures.answer.missing")
        case .notAnOption: PageText.text("measures.answer.notAnOption")
        case .notANumber: PageText.text("measures.answer.notANumber")
        case let .outOfRange(min, max):
            PageText.text("measures.answer.outOfRange", ["min": min.map(String.init) ?? "…", "max": max.map(String.init) ?? "…"])
        case .notAQuestion: PageText.text("measures.answer.notAQuestion")
        }
    }
}
