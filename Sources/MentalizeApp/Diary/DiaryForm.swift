import Foundation
import MentalizeCore
import Vapor

/// The diary form as posted: the narrative fields, the picked feelings (`emotion-<key>` = on,
/// `intensity-<key>` = 0–10), certainty, visibility, whether it is a draft, and the idempotency key.
struct DiaryForm {
    var fields: [String: String]

    init(_ fields: [String: String]) {
        self.fields = fields
    }

    init(entry: DiaryEntry, key: String) {
        var fields: [String: String] = ["key": key, "visibility": entry.visibility.rawValue]
        for field in DiaryField.narrative { fields[field.rawValue] = entry.text(of: field) ?? "" }
        for rating in entry.emotions {
            fields["emotion-\(rating.emotion)"] = "on"
            fields["intensity-\(rating.emotion)"] = String(rating.intensity)
        }
        fields["certaintyAboutTheirMind"] = entry.certaintyAboutTheirMind.map(String.init) ?? ""
        self.fields = fields
    }

    var key: UUID? { fields["key"].flatMap(UUID.init(uuidString:)) }
    var isDraft: Bool { fields["action"] == "draft" }

    /// The strength every feeling's box starts at.
    static let startingIntensity = "5"

    /// Whether the feeling was picked: its box ticked, or its strength changed from the starting
    /// value (someone who sets "angry" to 9 and forgets the box means it).
    func picks(_ emotion: DiaryEmotion) -> Bool {
        let intensity = (fields["intensity-\(emotion.rawValue)"] ?? "").trimmingCharacters(in: .whitespaces)
        return fields["emotion-\(emotion.rawValue)"] == "on" || (!intensity.isEmpty && intensity != Self.startingIntensity)
    }

    /// The entry the form describes, and problems the core's validation cannot see (numbers
    /// that are not numbers). Values are kept as typed so nothing is lost on an error.
    func entry() -> (DiaryEntry, [String: String]) {
        var problems: [String: String] = [:]
        var emotions: [EmotionRating] = []
        for emotion in DiaryEmotion.allCases where picks(emotion) {
            let raw = (fields["intensity-\(emotion.rawValue)"] ?? "").trimmingCharacters(in: .whitespaces)
            if raw.isEmpty {
                emotions.append(EmotionRating(emotion, intensity: 5))
            } else if let value = Int(raw) {
                emotions.append(EmotionRating(emotion, intensity: value))
            } else {
                problems["intensity-\(emotion.rawValue)"] = PageText.text("diary.error.intensityNumber")
            }
        }
        let certaintyText = (fields["certaintyAboutTheirMind"] ?? "").trimmingCharacters(in: .whitespaces)
        let certainty = Int(certaintyText)
        if !certaintyText.isEmpty, certainty == nil { problems["certaintyAboutTheirMind"] = PageText.text("diary.error.certaintyNumber") }
        let entry = DiaryEntry(
            whatHappened: text(.whatHappened), emotions: emotions, feelingsInMyWords: text(.feelingsInMyWords),
            whatIThought: text(.whatIThought), whatIDid: text(.whatIDid), otherPersonsMind: text(.otherPersonsMind),
            otherExplanations: text(.otherExplanations), certaintyAboutTheirMind: certainty, forTherapy: text(.forTherapy),
            visibility: DiaryVisibility(rawValue: fields["visibility"] ?? "") ?? .private
        )
        return (entry, problems)
    }

    private func text(_ field: DiaryField) -> String {
        (fields[field.rawValue] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
