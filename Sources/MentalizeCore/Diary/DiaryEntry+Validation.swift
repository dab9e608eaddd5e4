extension DiaryEntry {
    /// Longest text accepted in one free-text field, in characters.
    public static let maximumFieldLength = 5_000
    /// Most feelings one entry can pick: each feeling on the list once.
    public static let maximumEmotions = DiaryEmotion.allCases.count
    public static let certaintyRange = 0...100

    /// Every problem with this entry, in form order; empty when the entry can be saved.
    public var validationErrors: [DiaryFieldError] {
        DiaryField.allCases.flatMap(errors(in:))
    }

    private func errors(in field: DiaryField) -> [DiaryFieldError] {
        switch field {
        case .emotions:
            return emotionErrors
        case .certaintyAboutTheirMind:
            guard let certainty = certaintyAboutTheirMind, !Self.certaintyRange.contains(certainty) else { return [] }
            return [DiaryFieldError(field: field, problem: .outOfRange(min: 0, max: 100),
                                    message: "How sure you are must be between 0 and 100.")]
        case .visibility:
            return []
        default:
            let text = text(of: field) ?? ""
            var errors: [DiaryFieldError] = []
            if field == .whatHappened, text.allSatisfy(\.isWhitespace) {
                errors.append(DiaryFieldError(field: field, problem: .required,
                                              message: "Please write a few words about what happened."))
            }
            if text.count > Self.maximumFieldLength {
                errors.append(DiaryFieldError(
                    field: field, problem: .tooLong(limit: Self.maximumFieldLength),
                    message: "This part is \(text.count) characters long; the limit is \(Self.maximumFieldLength)."))
            }
            return errors
        }
    }

    private var emotionErrors: [DiaryFieldError] {
        var errors: [DiaryFieldError] = []
        if emotions.count > Self.maximumEmotions {
            errors.append(DiaryFieldError(field: .emotions, problem: .tooManyEmotions(limit: Self.maximumEmotions),
                                          message: "Please pick at most \(Self.maximumEmotions) feelings."))
        }
        var seen: Set<String> = []
        for (index, rating) in emotions.enumerated() {
            let key = "emotions[\(index)]"
            if rating.knownEmotion == nil {
                errors.append(DiaryFieldError(field: .emotions, key: "\(key).emotion", problem: .unknownEmotion,
                                              message: "'\(rating.emotion.prefix(40))' is not one of the feelings on the list."))
            } else if !seen.insert(rating.emotion).inserted {
                errors.append(DiaryFieldError(field: .emotions, key: "\(key).emotion", problem: .duplicateEmotion,
                                              message: "'\(rating.emotion)' is picked more than once."))
            }
            let range = EmotionRating.intensityRange
            if !range.contains(rating.intensity) {
                errors.append(DiaryFieldError(
                    field: .emotions, key: "\(key).intensity", problem: .outOfRange(min: range.lowerBound, max: range.upperBound),
                    message: "How strong a feeling was must be between \(range.lowerBound) and \(range.upperBound)."))
            }
        }
        return errors
    }
}
