import Foundation
import MentalizeCore
import Testing

/// Blind double rating and the lead's sample for second raters.
@Suite struct FidelityWorkflowTests {
    let first = UserID(UUID())
    let second = UserID(UUID())
    let therapist = UserID(UUID())

    @Test func aRaterSeesOnlyTheirOwnUntilEveryRaterHasSubmitted() {
        let open = BlindRating([.init(rater: first, submitted: true), .init(rater: second, submitted: false)])
        #expect(!open.isComplete)
        #expect(open.visibleRaters(to: first) == [first])
        #expect(open.visibleRaters(to: second) == [second], "the second rater's own draft, not the first's rating")
        #expect(open.visibleRaters(to: therapist).isEmpty)
        let done = BlindRating([.init(rater: first, submitted: true), .init(rater: second, submitted: true)])
        #expect(done.isComplete)
        #expect(done.visibleRaters(to: therapist) == [first, second])
        #expect(!BlindRating([]).isComplete)
    }

    @Test func theSampleTakesTheShareRoundedUpAndNeverTheTherapistOrTheFirstRater() throws {
        let materials = (0..<10).map { index in
            RatedMaterial(id: UUID(), therapist: index.isMultiple(of: 2) ? therapist : second, raters: [first])
        } + [RatedMaterial(id: UUID(), therapist: therapist, raters: [first, second])]
        var generator = SplitMix(seed: 7)
        let picks = try SecondRaterSampling.draw(from: materials, share: 0.25, pool: [first, second, therapist], load: [:], using: &generator)
        #expect(picks.count == 3, "25 % of the ten single-rated pieces, rounded up")
        #expect(Set(picks.map(\.material)).count == 3)
        for pick in picks {
            let material = try #require(materials.first { $0.id == pick.material })
            #expect(material.raters.count == 1)
            #expect(pick.rater != material.therapist && !material.raters.contains(pick.rater))
        }
        var again = SplitMix(seed: 7)
        let repeated = try SecondRaterSampling.draw(from: materials, share: 0.25, pool: [first, second, therapist], load: [:], using: &again)
        #expect(repeated.map(\.material) == picks.map(\.material), "the same generator draws the same sample")
    }

    @Test func theLeastLoadedRaterIsAskedAndMaterialNobodyMayRateIsLeftOut() throws {
        let third = UserID(UUID())
        let materials = (0..<4).map { _ in RatedMaterial(id: UUID(), therapist: therapist, raters: [first]) }
        var generator = SplitMix(seed: 1)
        let picks = try SecondRaterSampling.draw(from: materials, share: 1, pool: [second, third], load: [second: 5], using: &generator)
        #expect(picks.map(\.rater) == Array(repeating: third, count: 4), "the second rater already has five to do")
        let none = try SecondRaterSampling.draw(from: materials, share: 1, pool: [first, therapist], load: [:], using: &generator)
        #expect(none.isEmpty)
        #expect(throws: SamplingError.shareOutOfRange) { try SecondRaterSampling.draw(from: materials, share: 0, pool: [second], load: [:], using: &generator) }
        #expect(throws: SamplingError.shareOutOfRange) { try SecondRaterSampling.draw(from: materials, share: 1.5, pool: [second], load: [:], using: &generator) }
    }
}

/// Agreement per rater pair, computed from stored ratings.
@Suite struct PairAgreementTests {
    @Test func eachPairGetsTheIntraclassCorrelationsOfItsSharedMaterial() throws {
        let scale = try #require(try FidelityScaleCatalog.loadBundled().first { $0.id == "mentalize-demo" })
        func rating(_ rater: String, _ material: String, _ score: Int) throws -> FidelityRating {
            let items = scale.items
            let adherence = Dictionary(uniqueKeysWithValues: items.filter(\.adherence).map { ($0.id, score) })
            let quality = Dictionary(uniqueKeysWithValues: items.filter(\.quality).map { ($0.id, score) })
            return try FidelityRating(scale: scale, rater: rater, material: material, scores: [.adherence: adherence, .quality: quality])
        }
        // Two raters one point apart on five clips whose levels differ: consistency is perfect,
        // absolute agreement is not; a third rater shares one clip only.
        var ratings: [FidelityRating] = []
        for (index, level) in [2, 3, 4, 5, 6].enumerated() {
            ratings.append(try rating("a", "clip\(index)", level))
            ratings.append(try rating("b", "clip\(index)", level + 1))
        }
        ratings.append(try rating("c", "clip0", 4))
        let pairs = PairAgreement.pairs(ratings, items: ["demo-1", "demo-4"])
        #expect(pairs.map { "\($0.first)-\($0.second):\($0.shared)" } == ["a-b:5", "a-c:1", "b-c:1"])
        let ab = try #require(pairs.first)
        let consistency = try #require(ab.consistency[.adherence])
        let absolute = try #require(ab.absolute[.adherence])
        #expect(abs(consistency.value - 1) < 1e-9)
        // Shrout & Fleiss ICC(2,1) for a constant one-point offset on targets 2..6 (BMS 5, JMS 2.5, EMS 0):
        // (5 − 0) / (5 + 0 + 2 × 2.5 / 5) = 5 / 6.
        #expect(abs(absolute.value - 5.0 / 6.0) < 1e-9, "consistent raters a point apart do not agree absolutely")
        #expect(absolute.lower.isFinite && absolute.upper.isFinite && absolute.lower <= absolute.value && absolute.value <= absolute.upper)
        #expect(pairs[1].absolute.isEmpty, "one shared clip is too few for a table")
        #expect(ab.items.map(\.id) == ["demo-1", "demo-4"])
        #expect(abs((ab.items[0].absolute[.adherence]?.value ?? 0) - 5.0 / 6.0) < 1e-9, "each item gets its own table: here every item as the total")
        #expect(ab.items[1].absolute[.adherence] == nil && ab.items[1].absolute[.quality] != nil, "demo-4 is rated for quality only")
    }
}
