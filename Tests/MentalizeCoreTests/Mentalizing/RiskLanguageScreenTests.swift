import Testing
@testable import MentalizeCore

@Suite("Risk-language screen")
struct RiskLanguageScreenTests {
    static let alerting = [
        "I'm not going to kill myself", "I want to kill myself", "sometimes I think about suicide",
        "I feel suicidal tonight", "I just want to die", "I wanna die", "everyone would be better off without me",
        "I'd be better off dead", "I want to end my life", "I might end it all", "I don't want to be here anymore",
        "I took all my pills last night", "I overdosed once", "thinking about an OD", "I cut myself again",
        "I've been cutting my arms", "I self-harm when it gets bad", "I keep hurting myself",
        "I have a razor blade in my drawer", "I want to hurt him", "I could kill her for that",
        "I'm going to stab him", "I bought a knife", "there is no reason to live", "I wish I could not wake up",
        "I have been saving pills", "I wrote a suicide note", "I can't go on like this", "I want to hang myself",
        "I am not suicidal, honestly", "KILL MYSELF", "I'd never kill myself",
    ]
    static let quiet = [
        "I had a nice walk with my sister.", "He didn't call back so obviously he doesn't care about me.",
        "I wonder if she was angry with me.", "We cut the cake at the party.", "My boss was annoyed with the report.",
    ]

    @Test("alerts on many phrasings, negated ones included", arguments: alerting)
    func alerts(text: String) {
        let result = RiskLanguageScreen().screen(text)
        #expect(result.routeToSafety)
        #expect(result.matches.allSatisfy { $0.rule.hasPrefix("risk.") && !$0.text.isEmpty })
    }

    @Test("stays quiet on ordinary entries", arguments: quiet)
    func quietOnOrdinaryText(text: String) {
        #expect(!RiskLanguageScreen().screen(text).routeToSafety)
    }

    @Test("spans point at the matched words in UTF-16 offsets")
    func spansAreExact() throws {
        // setup
        let text = "Ugh 😤 — honestly I'm not going to kill myself."
        // act
        let match = try #require(RiskLanguageScreen().screen(text).matches.first { $0.rule == "risk.suicide.kill-self" })
        // verify
        let utf16 = Array(text.utf16)
        #expect(String(decoding: utf16[match.start..<match.end], as: UTF16.self) == "kill myself")
        #expect(match.text == "kill myself")
    }

    @Test("the analyzer skips analysis and routes to safety")
    func analyzerRoutes() {
        let analysis = MentalizingAnalyzer().analyze("He hates me and I want to die, I know he does not care.")
        #expect(analysis.status == .routeToSafety)
        #expect(analysis.signals.isEmpty && analysis.mentalStates.isEmpty && analysis.balance == nil)
        #expect(ReflectionPromptPicker().pick(for: analysis, limit: 2).isEmpty)
    }
}
