import Foundation
import Testing
@testable import MentalizeCore

@Suite("Mentalizing analyzer")
struct MentalizingAnalyzerTests {
    let analyzer = MentalizingAnalyzer()

    @Test("done-when example: teleological and certainty signals with evidence on a short text")
    func doneWhenExample() throws {
        // act
        let analysis = analyzer.analyze("He didn't call back so obviously he doesn't care about me.")
        // verify
        #expect(analysis.status == .notEnoughText)
        #expect(analysis.balance == nil)
        let teleological = try #require(analysis.signals.first { $0.mode == .teleological })
        #expect(teleological.level >= .weak)
        #expect(teleological.evidence.contains { $0.rule == "tel.absent-act-as-proof" && $0.text.contains("call") })
        let certainty = try #require(analysis.certaintyAboutOthers)
        #expect(certainty.value > 0.6)
        #expect(certainty.evidence.contains { $0.text == "care" })
    }

    @Test("holder, stance, negation, quotation and embedding of mental states")
    func mentionTagging() throws {
        let states = analyzer.analyze("I wonder if Anna was angry. \"I hate you\" she wrote. He thought I knew.").mentalStates
        let angry = try #require(states.first { $0.span.text == "angry" })
        #expect(angry.holder == .specificOther && angry.stance == .hedged)
        let hate = try #require(states.first { $0.span.text == "hate" })
        #expect(hate.quoted)
        let knew = try #require(states.first { $0.span.text == "knew" })
        #expect(knew.embedded && knew.holder == .selfHolder)
        let negated = analyzer.analyze("I don't think she likes me.").mentalStates
        #expect(negated.first { $0.span.text == "think" }?.negated == true)
    }

    @Test("capitals are raised voice, but not acronyms or scripts without capitals")
    func shouting() {
        func arousal(_ text: String) -> [String] {
            analyzer.analyze(text).signals.flatMap(\.evidence).filter { $0.rule == "pe.arousal" }.map(\.text)
        }
        #expect(arousal("I went to my GP at the NHS clinic and it was OK.").isEmpty)
        #expect(arousal("I saw Sam at 10 AM and again at 3 PM.").isEmpty)
        #expect(arousal("שלום עברית וגם עוד מילים").isEmpty)
        #expect(arousal("我和朋友 吃饭 了 今天 晚上").isEmpty)
        #expect(arousal("مرحبا صديقي كيف حالك اليوم").isEmpty)
        #expect(arousal("I HATE him and he NEVER listens.") == ["HATE", "NEVER"])
        #expect(arousal("МАМА позвонила мне") == ["МАМА"], "capitals in a cased script still count")
        let calm = analyzer.analyze("I went to my GP at the NHS clinic and it was OK. We talked about my sleep.")
        #expect(!ReflectionPromptPicker().pick(for: calm, limit: 2).contains { $0.prompt.id.hasPrefix("pe.") }, "no 'that sounds painful' for an acronym")
    }

    @Test("a belief about who or what something is counts as a belief with its complement")
    func beliefComplement() {
        let features = analyzer.analyze("The men hid because they didn't know who it was.").features
        #expect(features["has.beliefComplement"] == 1 && features["has.nestedState"] == 1)
    }

    @Test("fillers are not mental states")
    func fillers() {
        let states = analyzer.analyze("You know, I mean, it was like a long day.").mentalStates
        #expect(states.isEmpty, "found \(states.map(\.span.text))")
    }

    @Test("long entries get balance indices and the raw features")
    func balanceForLongText() throws {
        let text = """
        Yesterday evening my partner came home late and did not say much. I felt hurt and a bit scared, \
        and I wondered whether she was worried about work or angry with me. Looking back, I think I \
        went quiet too, and she might have seen that as me not caring.
        """
        let analysis = analyzer.analyze(text)
        #expect(analysis.status == .analyzed)
        let balance = try #require(analysis.balance)
        #expect(balance.selfOther.firstCount > 0 && balance.selfOther.secondCount > 0)
        #expect((analysis.features["states"] ?? 0) >= 5)
        #expect((analysis.features["temporal"] ?? 0) >= 1)
    }

    @Test("a broken weights file gives a typed error naming the file")
    func badWeights() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-weights-\(UUID()).json")
        try Data("{\"explanationQuality\": 1}".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: MentalizingError.self) { try MentalizingAnalyzer(weightsFile: url) }
    }

    @Test("the same text always gives the same analysis")
    func deterministic() {
        let text = "She never listens. She obviously thinks I'm stupid!"
        #expect(analyzer.analyze(text) == analyzer.analyze(text))
    }
}
