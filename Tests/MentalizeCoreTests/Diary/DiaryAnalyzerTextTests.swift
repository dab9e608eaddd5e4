import Testing
@testable import MentalizeCore

@Suite("Diary text for the analyzer and the map back to fields")
struct DiaryAnalyzerTextTests {
    @Test("narrative fields in order, blank fields skipped, separated by blank lines")
    func composition() {
        // setup
        let entry = DiaryEntry(whatHappened: "He left.", whatIThought: "  ", whatIDid: "I cried.",
                               otherPersonsMind: "Maybe he was tired.", forTherapy: "This.")
        // act
        let composed = DiaryAnalyzerText(entry: entry)
        // verify
        #expect(composed.text == "He left.\n\nI cried.\n\nMaybe he was tired.\n\nThis.")
        #expect(composed.segments.map(\.field) == [.whatHappened, .whatIDid, .otherPersonsMind, .forTherapy])
        #expect(composed.segments.map(\.start) == [0, 10, 20, 41])
    }

    @Test("a span maps back to the field and the range inside it, in UTF-16 units")
    func locate() {
        // setup
        let entry = DiaryEntry(whatHappened: "Ugh 😤 she left", whatIThought: "She 😤 hates me")
        let composed = DiaryAnalyzerText(entry: entry)
        let start = composed.text.utf16.count - "hates me".utf16.count
        // act
        let located = composed.locate(EvidenceSpan(start: start, end: start + 5, text: "hates", rule: "pe.x"))
        // verify
        #expect(located == [DiaryEvidence(field: .whatIThought, start: 7, end: 12, text: "hates", rule: "pe.x")])
    }

    @Test("a span over the separator splits per field; spans in the separator or empty map to nothing")
    func acrossFields() {
        let composed = DiaryAnalyzerText(entry: DiaryEntry(whatHappened: "ab", whatIThought: "cd"))
        let both = composed.locate(EvidenceSpan(start: 1, end: 5, text: "", rule: "r"))
        #expect(both.map(\.field) == [.whatHappened, .whatIThought])
        #expect(both.map(\.text) == ["b", "c"])
        #expect(composed.locate(EvidenceSpan(start: 2, end: 4, text: "", rule: "r")).isEmpty)
        #expect(composed.locate(EvidenceSpan(start: 0, end: 0, text: "", rule: "r")).isEmpty)
    }

    @Test("every analyzer span of a real entry maps back to the same words")
    func roundTrip() {
        let composed = DiaryAnalyzerText(entry: DiaryFixtures.complete)
        let analysis = MentalizingAnalyzer().analyze(composed.text)
        let spans = analysis.mentalStates.map(\.span) + analysis.signals.flatMap(\.evidence)
        #expect(!spans.isEmpty)
        for span in spans where span.end > span.start {
            let located = composed.locate(span)
            #expect(located.map(\.text).joined() == span.text, "\(span)")
        }
    }
}
