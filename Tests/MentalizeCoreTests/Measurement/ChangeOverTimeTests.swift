import Foundation
import Testing
@testable import MentalizeCore

/// The latest score against the first and against the previous one, on every shipped instrument
/// with reliable-change parameters, and the PHQ-9 case that started it: 17 → 7 → 10.
@Suite struct ChangeOverTimeTests {
    static let january22 = Date(timeIntervalSince1970: 1_769_040_000) // 2026-01-22
    static func day(_ offset: Int) -> Date { january22.addingTimeInterval(Double(offset) * 86_400) }

    /// A result holding only the primary scale's value, as scoring would report it.
    static func result(_ definition: InstrumentDefinition, _ value: Double) throws -> ScoreResult {
        let id = try #require(definition.scoring?.primaryScale)
        let scale = try #require(definition.scale(id: id))
        let score = ScaleScore(scaleId: id, value: value, missingItems: [], proRated: false, band: nil, isCase: scale.caseness?.isCase(value, direction: scale.direction))
        return ScoreResult(instrumentId: definition.id, instrumentVersion: definition.version, scales: [score], enabledItems: [],
                           risk: RiskAssessment(matchedRules: [], level: nil, requiresAlert: false), primaryScaleId: id)
    }

    static func readings(_ definition: InstrumentDefinition, _ values: [Double]) throws -> [ChangeOverTime.Administration] {
        try values.enumerated().map { index, value in .init(date: day(index * 30), score: try result(definition, value)) }
    }

    /// Every shipped instrument whose primary scale has reliable-change parameters.
    static func instrumentsWithReliableChange() throws -> [InstrumentDefinition] {
        try InstrumentCatalog.loadBundled().definitions.filter { definition in
            guard let id = definition.scoring?.primaryScale else { return false }
            return definition.scale(id: id)?.reliableChange?.effectiveThreshold != nil
        }
    }

    @Test func everyInstrumentReadsImprovementRecentRiseAndDeteriorationBothWays() throws {
        let instruments = try Self.instrumentsWithReliableChange()
        #expect(instruments.count >= 4, "PHQ-9, GAD-7, CORE-10 and BSL-23 at least")
        for definition in instruments {
            let primary = try #require(definition.scoring?.primaryScale)
            let scale = try #require(definition.scale(id: primary))
            let (best, worst) = scale.direction == .lowerIsBetter ? (scale.range.min, scale.range.max) : (scale.range.max, scale.range.min)
            let middle = (best + worst) / 2

            let improving = try ChangeOverTime.of(definition, try Self.readings(definition, [worst, middle, best]))
            let expectedGain: Set<ChangeOutcome> = scale.caseness == nil ? [.improved] : [.recovered]
            #expect(expectedGain.contains(try #require(improving.sinceFirst).assessment.outcome), "\(definition.id)")
            #expect(improving.sinceFirst?.since == Self.day(0) && improving.sinceLast?.since == Self.day(30), "\(definition.id) names what it compares")
            #expect(!improving.needsAttention, "\(definition.id)")

            // Back to the worst after reaching the best: nothing since intake, a reliable rise since last time.
            let relapse = try ChangeOverTime.of(definition, try Self.readings(definition, [worst, best, worst]))
            #expect(relapse.sinceFirst?.assessment.outcome == .noReliableChange, "\(definition.id)")
            #expect(relapse.sinceLast?.assessment.outcome == .deteriorated && relapse.sinceLast?.assessment.delta == worst - best, "\(definition.id)")
            #expect(relapse.needsAttention && relapse.returnedToCaseness == (scale.caseness != nil), "\(definition.id)")

            // Two administrations: one comparison, which is since the first.
            let two = try ChangeOverTime.of(definition, try Self.readings(definition, [best, worst]))
            #expect(two.sinceLast == nil && two.sinceFirst?.assessment.outcome == .deteriorated && two.needsAttention, "\(definition.id)")
            // One administration: nothing to compare.
            let one = try ChangeOverTime.of(definition, try Self.readings(definition, [middle]))
            #expect(one.sinceFirst == nil && one.sinceLast == nil && !one.needsAttention, "\(definition.id)")
            #expect(one.cutOff == scale.caseness?.threshold)
        }
    }

    @Test func phq9SeventeenToSevenToTenIsAnImprovementSinceIntakeAndAReturnToTheCutOff() throws {
        let phq = try MeasurementFixtures.definition("phq-9")
        func scored(_ total: Int) throws -> ScoreResult {
            let codes = (0..<9).map { index in min(3, max(0, total - 3 * index)) }
            return try ScoringEngine.score(phq, answers: MeasurementFixtures.answers("phq9", codes))
        }
        let change = try ChangeOverTime.of(phq, [
            .init(date: Self.day(0), score: try scored(17)),
            .init(date: Self.day(280), score: try scored(7)),   // 29 October
            .init(date: Self.day(301), score: try scored(10)),  // 19 November
        ])
        let sinceFirst = try #require(change.sinceFirst)
        #expect(sinceFirst.since == Self.day(0) && sinceFirst.assessment.before == 17 && sinceFirst.assessment.after == 10)
        #expect(sinceFirst.assessment.outcome == .improved, "still a reliable improvement since intake")
        let sinceLast = try #require(change.sinceLast)
        #expect(sinceLast.since == Self.day(280) && sinceLast.assessment.delta == 3 && sinceLast.assessment.outcome == .noReliableChange)
        #expect(change.cutOff == 10 && change.returnedToCaseness && change.needsAttention, "the recent rise back to the cut-off is flagged")
    }
}
