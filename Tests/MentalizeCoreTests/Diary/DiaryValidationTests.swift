import Foundation
import Testing
@testable import MentalizeCore

@Suite("Diary entry validation")
struct DiaryValidationTests {
    @Test("a complete entry and a minimal entry are both valid")
    func validEntries() {
        #expect(DiaryFixtures.complete.validationErrors.isEmpty)
        #expect(DiaryEntry(whatHappened: "We talked.").validationErrors.isEmpty)
    }

    @Test("what happened is the only required field; blank text counts as missing", arguments: ["", "   ", "\n\t "])
    func required(text: String) throws {
        // act
        let errors = DiaryEntry(whatHappened: text).validationErrors
        // verify
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.field == .whatHappened && error.key == "whatHappened" && error.problem == .required)
        #expect(!error.message.isEmpty)
    }

    @Test("each free-text field is limited to 5,000 characters", arguments: DiaryField.narrative)
    func tooLong(field: DiaryField) throws {
        // setup
        var entry = DiaryFixtures.complete
        let long = String(repeating: "é", count: DiaryEntry.maximumFieldLength + 1)
        switch field {
        case .whatHappened: entry.whatHappened = long
        case .feelingsInMyWords: entry.feelingsInMyWords = long
        case .whatIThought: entry.whatIThought = long
        case .whatIDid: entry.whatIDid = long
        case .otherPersonsMind: entry.otherPersonsMind = long
        case .otherExplanations: entry.otherExplanations = long
        default: entry.forTherapy = long
        }
        // act
        let errors = entry.validationErrors
        // verify
        #expect(errors.map(\.key) == [field.rawValue])
        #expect(errors.first?.problem == .tooLong(limit: 5_000))
        #expect(errors.first?.message.contains("5001") == true)
    }

    @Test("exactly 5,000 characters is accepted")
    func atTheLimit() {
        let entry = DiaryEntry(whatHappened: String(repeating: "a", count: 5_000))
        #expect(entry.validationErrors.isEmpty)
    }

    @Test("intensity outside 0-10 names the row", arguments: [-1, 11, Int.min, Int.max])
    func intensityRange(intensity: Int) {
        let entry = DiaryEntry(whatHappened: "x", emotions: [EmotionRating(.sad, intensity: 3), EmotionRating(.calm, intensity: intensity)])
        let errors = entry.validationErrors
        #expect(errors.map(\.key) == ["emotions[1].intensity"])
        #expect(errors.first?.problem == .outOfRange(min: 0, max: 10))
    }

    @Test("intensity 0 and 10 are fine")
    func intensityBounds() {
        let entry = DiaryEntry(whatHappened: "x", emotions: [EmotionRating(.sad, intensity: 0), EmotionRating(.calm, intensity: 10)])
        #expect(entry.validationErrors.isEmpty)
    }

    @Test("certainty outside 0-100 is an error; nil means not answered", arguments: [-1, 101])
    func certaintyRange(certainty: Int) {
        let entry = DiaryEntry(whatHappened: "x", certaintyAboutTheirMind: certainty)
        #expect(entry.validationErrors.map(\.problem) == [.outOfRange(min: 0, max: 100)])
        #expect(entry.validationErrors.first?.field == .certaintyAboutTheirMind)
        #expect(DiaryEntry(whatHappened: "x", certaintyAboutTheirMind: 0).validationErrors.isEmpty)
        #expect(DiaryEntry(whatHappened: "x", certaintyAboutTheirMind: 100).validationErrors.isEmpty)
    }

    @Test("unknown and repeated emotions are reported per row")
    func unknownAndDuplicate() {
        // setup
        let entry = DiaryEntry(whatHappened: "x", emotions: [
            EmotionRating(emotion: "sad", intensity: 2), EmotionRating(emotion: "furious-ish", intensity: 4),
            EmotionRating(emotion: "sad", intensity: 6), EmotionRating(emotion: "Sad", intensity: 1),
        ])
        // act
        let errors = entry.validationErrors
        // verify
        #expect(errors.map(\.key) == ["emotions[1].emotion", "emotions[2].emotion", "emotions[3].emotion"])
        #expect(errors.map(\.problem) == [.unknownEmotion, .duplicateEmotion, .unknownEmotion])
        #expect(errors[0].description == "emotions[1].emotion: 'furious-ish' is not one of the feelings on the list.")
    }

    @Test("errors come in form order and several fields are reported at once")
    func severalErrors() {
        let entry = DiaryEntry(whatHappened: " ", emotions: [EmotionRating(emotion: "x", intensity: 12)],
                               certaintyAboutTheirMind: 150, forTherapy: String(repeating: "b", count: 6_000))
        #expect(entry.validationErrors.map(\.key) == [
            "whatHappened", "emotions[0].emotion", "emotions[0].intensity", "certaintyAboutTheirMind", "forTherapy",
        ])
    }

    @Test("an entry round-trips through JSON")
    func codable() throws {
        let data = try JSONEncoder().encode(DiaryFixtures.complete)
        #expect(try JSONDecoder().decode(DiaryEntry.self, from: data) == DiaryFixtures.complete)
    }
}
