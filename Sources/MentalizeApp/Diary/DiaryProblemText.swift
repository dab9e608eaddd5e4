import MentalizeCore

/// What a diary problem found by the core says to the writer, in the page's language.
enum DiaryProblemText {
    static func text(_ error: DiaryFieldError) -> String {
        switch error.problem {
        case .required:
            return PageText.text("diary.error.required")
        case .tooLong(let limit):
            return PageText.text("diary.error.tooLong", ["limit": String(limit)])
        case .outOfRange(let min, let max):
            let key = error.field == .certaintyAboutTheirMind ? "diary.error.certaintyRange" : "diary.error.intensityRange"
            return PageText.text(key, ["min": String(min), "max": String(max)])
        case .unknownEmotion:
            return PageText.text("diary.error.unknownEmotion")
        case .duplicateEmotion:
            return PageText.text("diary.error.duplicateEmotion")
        case .tooManyEmotions(let limit):
            return PageText.text("diary.error.tooManyEmotions", ["limit": String(limit)])
        }
    }
}
