import Foundation

/// Who can read a diary entry besides the patient.
public enum DiaryVisibility: String, Codable, Sendable, CaseIterable {
    /// Only the patient.
    case `private`
    /// The patient and their therapist.
    case sharedWithTherapist
}

/// A patient's written reflection on one interpersonal moment. Only `whatHappened` is required;
/// every other part is optional. Check `validationErrors` before saving.
public struct DiaryEntry: Codable, Sendable, Equatable {
    /// What happened (required).
    public var whatHappened: String
    /// Feelings picked from `DiaryEmotion`, each with an intensity 0–10.
    public var emotions: [EmotionRating]
    /// The feelings in the patient's own words.
    public var feelingsInMyWords: String
    public var whatIThought: String
    public var whatIDid: String
    /// What the other person might have felt, thought or wanted.
    public var otherPersonsMind: String
    /// Other possible explanations for what happened.
    public var otherExplanations: String
    /// How sure the patient is about what was in the other person's mind, 0–100; nil if not answered.
    public var certaintyAboutTheirMind: Int?
    /// What the patient wants to bring to therapy.
    public var forTherapy: String
    public var visibility: DiaryVisibility

    /// The start (`limit` characters) of the first part written, for a list of entries: a draft
    /// may have only its thoughts so far. Empty when nothing is written yet.
    public func opening(limit: Int = 120) -> String {
        let parts = [whatHappened, whatIThought, feelingsInMyWords, whatIDid, otherPersonsMind, otherExplanations, forTherapy]
        let first = parts.lazy.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty } ?? ""
        return String(first.prefix(limit))
    }

    public init(whatHappened: String, emotions: [EmotionRating] = [], feelingsInMyWords: String = "",
                whatIThought: String = "", whatIDid: String = "", otherPersonsMind: String = "",
                otherExplanations: String = "", certaintyAboutTheirMind: Int? = nil, forTherapy: String = "",
                visibility: DiaryVisibility = .private) {
        self.whatHappened = whatHappened
        self.emotions = emotions
        self.feelingsInMyWords = feelingsInMyWords
        self.whatIThought = whatIThought
        self.whatIDid = whatIDid
        self.otherPersonsMind = otherPersonsMind
        self.otherExplanations = otherExplanations
        self.certaintyAboutTheirMind = certaintyAboutTheirMind
        self.forTherapy = forTherapy
        self.visibility = visibility
    }

    /// The text of a free-text field; nil for the fields that are not free text.
    public func text(of field: DiaryField) -> String? {
        switch field {
        case .whatHappened: whatHappened
        case .feelingsInMyWords: feelingsInMyWords
        case .whatIThought: whatIThought
        case .whatIDid: whatIDid
        case .otherPersonsMind: otherPersonsMind
        case .otherExplanations: otherExplanations
        case .forTherapy: forTherapy
        case .emotions, .certaintyAboutTheirMind, .visibility: nil
        }
    }
}
