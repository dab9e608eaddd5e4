import Testing
@testable import MentalizeCore

@Suite("Reflecting on a diary entry")
struct DiaryReflectorTests {
    static let reflector = DiaryReflector()

    @Test("risk language in any field routes to safety, with the words mapped back, and no prompts")
    func routesToSafety() throws {
        // setup
        var entry = DiaryFixtures.complete
        entry.forTherapy = "Honestly I’m not going to kill myself, but the thought came."
        // act
        let reflection = Self.reflector.reflect(entry)
        // verify
        #expect(reflection.outcome == .routeToSafety)
        #expect(reflection.prompts.isEmpty)
        let match = try #require(reflection.safetyMatches.first { $0.rule == "risk.suicide.kill-self" })
        #expect(match.field == .forTherapy && match.text == "kill myself")
        #expect(DiaryAnalyzerText.slice(entry.forTherapy, match.start, match.end) == "kill myself")
    }

    @Test("risk language in what happened routes to safety even when other fields are calm")
    func riskInFirstField() {
        let entry = DiaryEntry(whatHappened: "After the call I didn't cut, but I wanted to.", whatIThought: "Maybe he was tired.")
        let reflection = Self.reflector.reflect(entry)
        #expect(reflection.outcome == .routeToSafety)
        #expect(reflection.safetyMatches.allSatisfy { $0.field == .whatHappened })
    }

    @Test("certainty about another's mind gets bank prompts with evidence in the right field")
    func prompts() throws {
        // act
        let reflection = Self.reflector.reflect(DiaryFixtures.certain)
        // verify
        #expect(reflection.outcome == .prompts)
        #expect(reflection.safetyMatches.isEmpty)
        #expect(reflection.prompts.count == 2)
        let first = try #require(reflection.prompts.first)
        #expect(first.prompt.move == "validateFirst")
        #expect(!first.evidence.isEmpty)
        for evidence in first.evidence {
            #expect(evidence.field == .whatIThought)
            let fieldText = try #require(DiaryFixtures.certain.text(of: evidence.field))
            #expect(DiaryAnalyzerText.slice(fieldText, evidence.start, evidence.end) == evidence.text)
        }
    }

    @Test("prompts only ever come from the bank, at most two, for many entries")
    func fromTheBank() throws {
        let bank = try #require(ReflectionPromptBank.bundled).prompts
        let entries = [DiaryFixtures.complete, DiaryFixtures.certain, DiaryEntry(whatHappened: "We had tea."),
                       DiaryEntry(whatHappened: "He didn't text back, so he doesn't love me. Actions speak louder than words.")]
        for entry in entries {
            let reflection = Self.reflector.reflect(entry)
            #expect(reflection.outcome == .prompts)
            #expect((1...2).contains(reflection.prompts.count))
            #expect(reflection.prompts.allSatisfy { bank.contains($0.prompt) })
        }
    }

    @Test("the same entry always gives the same reflection")
    func deterministic() {
        let first = Self.reflector.reflect(DiaryFixtures.complete)
        #expect((0..<5).allSatisfy { _ in DiaryReflector().reflect(DiaryFixtures.complete) == first })
    }

    @Test("picked feelings mean no 'how did that feel?' prompt")
    func emotionsSkipFeelingPrompt() {
        // setup: a long, thinking-only entry
        let thinking = "I think Tom believed the meeting was on Monday. He probably assumed I knew. "
            + "I remembered it differently and I thought he meant Tuesday. Maybe he expected me to check the calendar. "
            + "I wonder if he realised I had misunderstood, and I guess he considered asking me."
        let without = Self.reflector.reflect(DiaryEntry(whatHappened: thinking))
        let with = Self.reflector.reflect(DiaryEntry(whatHappened: thinking, emotions: [EmotionRating(.confused, intensity: 6)]))
        // verify
        #expect(with.prompts.allSatisfy { $0.prompt.target != .cognitiveOnly })
        #expect(with.prompts.count == 2)
        #expect(without.prompts.contains { $0.prompt.target == .cognitiveOnly })
    }

    @Test("an entry without text has nothing to reflect on")
    func empty() {
        let reflection = Self.reflector.reflect(DiaryEntry(whatHappened: " "))
        #expect(reflection.outcome == .nothingToReflectOn && reflection.prompts.isEmpty)
    }
}
