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

    @Test func recoveryIsWithheldWhenTheRestOfTheImprovedWouldBeSmall() throws {
        let phq = try #require(try InstrumentCatalog.loadBundled().definition(id: "phq-9"))
        let recovering = try (0..<7).map { _ in try patient(phq, [20, 5]) }
        let improving = try (0..<2).map { _ in try patient(phq, [27, 15]) }
        let unchanged = try (0..<6).map { _ in try patient(phq, [15, 14]) }
        let worse = try (0..<5).map { _ in try patient(phq, [5, 20]) }
        let shown = try OutcomeTally.of(phq, patients: recovering + improving + unchanged + worse).published
        #expect(shown.patients.countText == "20" && shown.improved.countText == "9" && shown.improved.rateText == "45%")
        #expect(shown.recovered.countText == "withheld", "9 improved and 7 recovered would give away the 2 who improved without recovering")
        #expect(shown.noReliableChange.countText == "6" && shown.deteriorated.countText == "5")
        let more = try OutcomeTally.of(phq, patients: recovering + improving + improving + improving + unchanged + worse).published
        #expect(more.recovered.countText == "7" && more.recovered.rateText == "29%", "7 of 24, with 6 improved but not recovered")
    }

    @Test func aSmallCountInAPartitionTakesItsSmallestNeighbourWithIt() {
        let split = PublishedCount.partition([20, 3, 7], of: 30)
        #expect(split.map(\.countText) == ["20", "< 5", "withheld"], "30 − 20 − 7 would give the 3 away")
        #expect(split[2].rateText == nil && split[0].rateText == "67%")
        #expect(PublishedCount.partition([20, 3, 2], of: 25).map(\.countText) == ["20", "< 5", "< 5"], "two small ones hide each other")
        #expect(PublishedCount.partition([10, 6, 9], of: 25).map(\.countText) == ["10", "6", "9"])
        #expect(PublishedCount.partition([2, 1], of: 3).map(\.countText) == ["< 5", "< 5"], "a group under five shows nothing")
    }
}
