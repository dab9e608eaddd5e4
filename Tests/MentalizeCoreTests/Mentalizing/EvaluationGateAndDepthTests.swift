import Foundation
import Testing
@testable import MentalizeCore

@Suite("Evaluation-only safety-gate bypass and explanation-depth features")
struct EvaluationGateAndDepthTests {
    private static let storyAnswer = "She thought he was going to attack her and kill her."

    /// Writes the bundled weights with the evaluation-only switch set to `bypass`.
    private func weightsFile(bypass: Bool?) throws -> URL {
        let bundled = try #require(MentalizingWeights.bundled)
        var weights = bundled
        weights.evaluationOnlyBypassSafetyGate = bypass
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("weights-\(UUID()).json")
        try JSONEncoder().encode(weights).write(to: url)
        return url
    }

    @Test("the product path routes risk language to safety first and the bundled weights never bypass")
    func gateStaysOnByDefault() throws {
        // setup
        let bundled = try #require(MentalizingWeights.bundled)
        let unsetFile = try weightsFile(bypass: nil)
        // act
        let byDefault = MentalizingAnalyzer().analyze(Self.storyAnswer)
        let withUnset = try MentalizingAnalyzer(weightsFile: unsetFile).analyze(Self.storyAnswer)
        // verify
        #expect(bundled.evaluationOnlyBypassSafetyGate != true)
        #expect(byDefault.status == .routeToSafety)
        #expect(byDefault.explanationQuality == nil)
        #expect(withUnset.status == .routeToSafety)
    }

    @Test("with the evaluation-only switch the text is analysed and the risk matches are still reported")
    func bypassAnalysesAndKeepsRiskMatches() throws {
        // setup
        let analyzer = try MentalizingAnalyzer(weightsFile: weightsFile(bypass: true))
        // act
        let analysis = analyzer.analyze(Self.storyAnswer)
        // verify
        #expect(analysis.status != .routeToSafety)
        #expect(analysis.risk.routeToSafety)
        #expect(!analysis.risk.matches.isEmpty)
        #expect(analysis.explanationQuality != nil)
        #expect(analysis.features["has.beliefComplement"] == 1)
    }

    @Test("a character's belief with a clause counts as nested; the writer's own 'I think' does not")
    func beliefComplementHolder() {
        // act
        let character = MentalizingAnalyzer().analyze("Because he thought it was a scarf.").features
        let writer = MentalizingAnalyzer().analyze("I think it was a scarf.").features
        // verify
        #expect(character["beliefComplement"] == 1)
        #expect(writer["beliefComplement"] == 0)
        #expect(writer["beliefVerbs"] == 1)
    }

    @Test("negated knowing, goals about another's mind and deception words are counted")
    func depthMarkers() {
        // act
        let negated = MentalizingAnalyzer().analyze("Because he didn't know Harold was in the van.").features
        let goal = MentalizingAnalyzer().analyze("They hid so the lady doesn't see them.").features
        let plainGoal = MentalizingAnalyzer().analyze("They hid so they could eat the cake.").features
        let deception = MentalizingAnalyzer().analyze("He lies so he gets more sausages.").features
        // verify
        #expect(negated["negatedKnowing"] == 1)
        #expect(goal["goalAboutOtherMind"] == 1)
        #expect(plainGoal["goalAboutOtherMind"] == 0)
        #expect(deception["has.deception"] == 1)
    }

    @Test("named states and traits count, body and action words do not; a state with a content is marked")
    func namedStates() {
        // act
        let trait = MentalizingAnalyzer().analyze("Because he is greedy.").features
        let event = MentalizingAnalyzer().analyze("Because they hid in the van.").features
        let content = MentalizingAnalyzer().analyze("She was scared he would rob her.").features
        // verify
        #expect(trait["namedStates"] == 1)
        #expect(event["namedStates"] == 0)
        #expect(event["has.namedState"] == 0)
        #expect(trait["has.namedState"] == 1)
        #expect(event["states"] == 1)
        #expect(content["namedStates"] == 1)
        #expect(content["namedStatesWithContent"] == 1)
    }

    @Test("the explanation estimate carries the words behind it")
    func qualityEvidence() throws {
        // act
        let nested = try #require(MentalizingAnalyzer().analyze("They hid so the lady doesn't see them.").explanationQuality)
        let belief = try #require(MentalizingAnalyzer().analyze("Because he thought it was a scarf.").explanationQuality)
        let event = try #require(MentalizingAnalyzer().analyze("Because it was raining.").explanationQuality)
        // verify
        #expect(nested.evidence.contains { $0.rule == "quality.goal-about-other-mind" && $0.text == "so the lady doesn't see" })
        #expect(belief.evidence.contains { $0.rule == "quality.belief-complement" && $0.text == "thought it" })
        #expect(event.evidence.map(\.rule) == ["quality.event-cause"])
    }

    @Test("the certainty estimate shows the words of the features that move it")
    func certaintyEvidence() throws {
        // act
        let analysis = MentalizingAnalyzer().analyze("The effect may be real, but why remains unclear.")
        // verify
        let rules = Set((analysis.certaintyEvidence ?? []).map(\.rule))
        #expect(rules.contains("certainty.possibilityModals"))
        #expect(rules.contains("certainty.science.unknowns"))
        #expect(analysis.certaintyEvidence?.contains { $0.text == "may" } == true)
    }

    @Test("science stance: hedges, result verbs, percentages, 'we' and 'if'")
    func scienceStance() {
        // act
        let features = MentalizingAnalyzer().analyze(
            "We found that 20 % of patients may improve if treated, which suggests a link.").features
        // verify
        #expect(features["science.boosters"] == 1)
        #expect(features["science.hedges"] == 1)
        #expect(features["percents"] == 1)
        #expect(features["firstPersonPlural"] == 1)
        #expect(features["conditionals"] == 1)
    }

    @Test("science stance: reporting (past tense, statistics, attribution) and qualifying word families")
    func reportingAndQualifying() {
        // act
        let reported = MentalizingAnalyzer().analyze(
            "The difference was significant (p < 0.01) in both groups, she said.").features
        let qualified = MentalizingAnalyzer().analyze(
            "Although it remains unclear, further research could show about half of cases.").features
        // verify
        #expect(reported["science.pastTense"] == 1)
        #expect(reported["science.statistics"] == 4)
        #expect(reported["science.attribution"] == 1)
        #expect(qualified["science.concession"] == 1)
        #expect(qualified["science.unknowns"] == 2)
        #expect(qualified["science.openQuestions"] == 3)
        #expect(qualified["science.approximators"] == 1)
        // "about" and "around" approximate only a quantity; in a diary they are mostly prepositions.
        let diary = MentalizingAnalyzer().analyze("I worry about him and the people around me, about 20 of them.").features
        #expect(diary["science.approximators"] == 1 && diary["science.hedges"] == 1 && (diary["hedges"] ?? 0) == 0)
    }

    @Test("science stance: negated certainty, a reporting verb with 'that', parenthesised detail")
    func negatedCertaintyAndReporting() {
        // act
        let features = MentalizingAnalyzer().analyze(
            "It is not clear why; our results suggest that the rate fell (by 5 %).").features
        // verify
        #expect(features["science.negatedCertainty"] == 1)
        #expect(features["science.reportingThat"] == 1)
        #expect(features["parentheses"] == 1)
    }

    @Test("science stance: possibility modals apart from can/would/should, calls for further research")
    func possibilityModalsAndFurtherResearch() {
        // act
        let features = MentalizingAnalyzer().analyze(
            "It may help and could work, but we can and should run future randomized trials.").features
        let plain = MentalizingAnalyzer().analyze("Further, the research was done.").features
        // verify
        #expect(features["possibilityModals"] == 2)
        #expect(features["modals"] == 4)
        #expect(features["science.furtherResearch"] == 1)
        #expect(plain["science.furtherResearch"] == 0)
    }
}
