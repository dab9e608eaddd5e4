import Foundation
import Testing
@testable import MentalizeCore

@Suite("Reflection prompts, stream and report")
struct PromptAndStreamTests {
    let analyzer = MentalizingAnalyzer()

    @Test("every reviewed prompt has its Dutch text, and a language without a bank reads English")
    func translatedPrompts() throws {
        let bank = ReflectionPromptPicker.reviewedBank
        #expect(ReflectionPromptTranslations.languages["nl"] == Set(bank.map(\.id)), "the Dutch bank has exactly the English ids")
        let validate = try #require(bank.first { $0.id == "pe.validate.1" })
        #expect(ReflectionPromptTranslations.text(of: validate, in: "nl") == "Dat klinkt echt pijnlijk. Wat ging er op dat moment door je heen?")
        #expect(ReflectionPromptTranslations.text(of: validate, in: "da") == validate.text)
        for prompt in bank {
            let dutch = ReflectionPromptTranslations.text(of: prompt, in: "nl")
            #expect(dutch != prompt.text && !dutch.contains("!"), "\(prompt.id)")
        }
    }

    @Test("psychic equivalence is validated first, with the evidence words")
    func validateFirst() throws {
        let analysis = analyzer.analyze("She obviously hates me. She is selfish and always ignores me!")
        let choices = ReflectionPromptPicker().pick(for: analysis, limit: 2)
        let first = try #require(choices.first)
        #expect(first.prompt.move == "validateFirst")
        #expect(!first.evidence.isEmpty)
        #expect(choices.count == 2)
    }

    @Test("teleological entries get an action-to-meaning prompt")
    func actionToMeaning() {
        let analysis = analyzer.analyze("He didn't text back, so he doesn't love me. Actions speak louder than words.")
        let moves = ReflectionPromptPicker().pick(for: analysis, limit: 2).map(\.prompt.move)
        #expect(moves.contains("actionToMeaning"))
    }

    @Test("limit is respected and no prompt is a verdict")
    func limitAndWording() {
        let analysis = analyzer.analyze("I felt calm today.")
        #expect(ReflectionPromptPicker().pick(for: analysis, limit: 1).count == 1)
        #expect(ReflectionPromptPicker().pick(for: analysis, limit: 0).isEmpty)
    }

    @Test("stream echoes ids and reports bad lines without stopping")
    func stream() throws {
        let stream = AnalysisStream(analyzer: analyzer)
        let good = try JSONSerialization.jsonObject(with: Data(stream.process(line: #"{"id":"a7","text":"I wonder why."}"#, lineNumber: 1).utf8)) as? [String: Any]
        #expect(good?["id"] as? String == "a7")
        #expect(good?["analysis"] != nil && good?["error"] == nil)
        let numeric = stream.process(line: #"{"id":12,"text":"hi"}"#, lineNumber: 2)
        #expect(numeric.contains(#""id":12"#))
        let bad = try JSONSerialization.jsonObject(with: Data(stream.process(line: "{oops", lineNumber: 3).utf8)) as? [String: Any]
        #expect(bad?["error"] is String && bad?["line"] as? Int == 3)
        let missing = stream.process(line: #"{"id":1}"#, lineNumber: 4)
        #expect(missing.contains("missing field"))
    }

    @Test("the explain report names the signals, evidence and prompts")
    func explain() {
        let report = AnalysisStream(analyzer: analyzer).explain(line: "He didn't call back so obviously he doesn't care about me.")
        #expect(report.contains("teleological"))
        #expect(report.contains("tel.absent-act-as-proof"))
        #expect(report.contains("Reflection prompts"))
        #expect(report.contains("not enough text"))
    }
}
