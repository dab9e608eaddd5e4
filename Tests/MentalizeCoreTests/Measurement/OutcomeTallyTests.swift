import Foundation
import Testing
@testable import MentalizeCore

/// Programme outcome figures on every shipped instrument with reliable-change parameters: first
/// against latest, both directions, recovery only across the cut-off, and small counts withheld.
@Suite struct OutcomeTallyTests {
    private func patient(_ definition: InstrumentDefinition, _ values: [Double]) throws -> [ChangeOverTime.Administration] {
        // Given newest first: the tally must sort by date itself.
        Array(try ChangeOverTimeTests.readings(definition, values).reversed())
    }

    @Test func everyInstrumentCountsImprovementRecoveryNoChangeAndDeteriorationEachWay() throws {
        for definition in try ChangeOverTimeTests.instrumentsWithReliableChange() {
            let primary = try #require(definition.scoring?.primaryScale)
            let scale = try #require(definition.scale(id: primary))
            let (best, worst) = scale.direction == .lowerIsBetter ? (scale.range.min, scale.range.max) : (scale.range.max, scale.range.min)
            let middle = (best + worst) / 2
            let threshold = try #require(scale.reliableChange?.effectiveThreshold?.0)
            let step = (scale.direction == .lowerIsBetter ? -1.0 : 1.0) * (threshold + 0.5)
            let improving = [[worst, best], [middle, middle + step]]
            let patients = [
                try patient(definition, improving[0]),
                try patient(definition, improving[1]),
                try patient(definition, [middle, middle]),            // no reliable change
                try patient(definition, [best, worst]),               // reliable deterioration
                try patient(definition, [middle, worst, middle]),     // first against latest only: no change
                try patient(definition, [middle]),                    // one administration: not counted
            ]
            let tally = try OutcomeTally.of(definition, patients: patients)
            #expect(tally.patients == 5 && tally.singleAdministration == 1, "\(definition.id)")
            #expect(tally.reliablyImproved == 2 && tally.noReliableChange == 2 && tally.deteriorated == 1, "\(definition.id)")
            let isCase = { (value: Double) in scale.caseness?.isCase(value, direction: scale.direction) }
            let crossing = improving.filter { isCase($0[0]) == true && isCase($0[1]) == false }.count
            #expect(tally.recovered == crossing, "\(definition.id): recovery is a reliable improvement that crosses the cut-off")
        }
    }

    @Test func theIssuesPHQ9CaseCountsAsImprovedOverTheWholeCourse() throws {
        let phq = try #require(try InstrumentCatalog.loadBundled().definition(id: "phq-9"))
        let tally = try OutcomeTally.of(phq, patients: [try patient(phq, [17, 7, 10]), try patient(phq, [20, 5])])
        #expect(tally.reliablyImproved == 2, "17 → 10 and 20 → 5 are both reliable improvements")
        #expect(tally.recovered == 1, "only 20 → 5 ends below the cut-off of 10: 17 → 10 is back at it")
    }

    @Test func smallCountsAndTheirRatesAreWithheld() {
        #expect(PublishedCount(4, of: 40).countText == "< 5" && PublishedCount(4, of: 40).rateText == nil)
        #expect(PublishedCount(0, of: 40).countText == "< 5")
        #expect(PublishedCount(12, of: 25).countText == "12" && PublishedCount(12, of: 25).rateText == "48%")
        #expect(PublishedCount(5, of: 4).rateText == nil, "nor a rate of a group under five")
        #expect(PublishedCount(5, of: 5).rateText == "100%")
    }
}
