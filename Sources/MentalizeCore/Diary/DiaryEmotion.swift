/// The feelings a patient can pick in a diary entry. The raw values are stable keys; the words shown
/// to the patient live in the web layer's localisation files.
public enum DiaryEmotion: String, Codable, Sendable, CaseIterable {
    case angry, frustrated, sad, hurt, lonely, rejected
    case afraid, anxious, ashamed, guilty, embarrassed, jealous
    case disappointed, confused, numb, empty
    case calm, relieved, happy, hopeful, proud, close
}

/// One picked feeling with how strong it was, 0 (barely) to 10 (as strong as it gets).
/// `emotion` holds a `DiaryEmotion` raw value as submitted; validation reports unknown keys.
public struct EmotionRating: Codable, Sendable, Equatable {
    public static let intensityRange = 0...10

    public var emotion: String
    public var intensity: Int

    public init(emotion: String, intensity: Int) {
        self.emotion = emotion
        self.intensity = intensity
    }

    public init(_ emotion: DiaryEmotion, intensity: Int) {
        self.init(emotion: emotion.rawValue, intensity: intensity)
    }

    /// The known emotion, or nil when the key is not in `DiaryEmotion`.
    public var knownEmotion: DiaryEmotion? { DiaryEmotion(rawValue: emotion) }
}
