import Foundation
import Testing
@testable import MentalizeCore

/// Fidelity scales as definitions (the MBT scales' structure without their wording), text packs,
/// ratings checked against the scale, pairwise agreement and a rater drifting from the others.
@Suite struct FidelityScaleTests {
    private func scales() throws -> [FidelityScale] { try FidelityScaleCatalog.loadBundled() }

    private func demo() throws -> FidelityScale { try #require(try scales().first { $0.id == "mentalize-demo" }) }

    /// A complete rating of the demonstration scale: every item at `score` (item 4 is quality only).
    private func rating(_ rater: String, _ material: String, _ score: Int, shift: [String: Int] = [:]) throws -> FidelityRating {
        let scale = try demo()
        var adherence: [String: Int] = [:]
        var quality: [String: Int] = [:]
        for item in scale.items {
            let value = score + (shift[item.id] ?? 0)
            if item.adherence { adherence[item.id] = value }
            if item.quality { quality[item.id] = value }
        }
        return try FidelityRating(scale: scale, rater: rater, material: material, scores: [.adherence: adherence, .quality: quality])
    }

    @Test func theShippedScalesKeepTheManualsWordingOut() throws {
        let all = try scales()
        let aqs = try #require(all.first { $0.id == "mbt-aqs" })
        let group = try #require(all.first { $0.id == "mbt-g-aqs" })
        #expect(aqs.items.count == 17 && group.items.count == 19)
        #expect(!aqs.textsShippable && !group.textsShippable)
        #expect((aqs.items + group.items).allSatisfy { $0.label.contains("placeholder") && $0.anchors.isEmpty }, "no manual text ships")
        #expect(aqs.minimum == 1 && aqs.maximum == 7 && aqs.goodEnough == 4)
        #expect(try demo().textsShippable && (try demo()).items.contains { !$0.adherence && $0.quality }, "the demonstration scale has a quality-only item")
    }

    @Test func aTextPackBringsTheWordingAndTheQualityOnlyFlags() throws {
        let aqs = try #require(try scales().first { $0.id == "mbt-aqs" })
        let pack = FidelityTextPack(scaleID: "mbt-aqs", items: ["aqs-1": .init(label: "Licensed wording of item 1", adherence: false, quality: true, anchors: ["4": "good enough"])])
        let loaded = try aqs.applying(pack)
        #expect(loaded.items[0].label == "Licensed wording of item 1" && !loaded.items[0].adherence && loaded.items[0].anchors["4"] == "good enough")
        #expect(loaded.items[1] == aqs.items[1], "items the pack does not name are unchanged")
        #expect(throws: FidelityScaleError.unknownItem("aqs-99")) { try aqs.applying(FidelityTextPack(scaleID: "mbt-aqs", items: ["aqs-99": .init(label: "x")])) }
        #expect(throws: FidelityScaleError.packForAnotherScale("mbt-g-aqs")) { try aqs.applying(FidelityTextPack(scaleID: "mbt-g-aqs", items: [:])) }
        #expect(throws: FidelityScaleError.invalid(["mbt-aqs aqs-2: rated for neither adherence nor quality"])) {
            try aqs.applying(FidelityTextPack(scaleID: "mbt-aqs", items: ["aqs-2": .init(label: "x", adherence: false, quality: false)]))
        }
    }

    @Test func aRatingIsCheckedAgainstItsScale() throws {
        let scale = try demo()
        #expect(throws: FidelityRatingError.missing(item: "demo-1", .adherence)) {
            try FidelityRating(scale: scale, rater: "a", material: "m", scores: [:])
        }
        var good = try rating("a", "m", 4)
        #expect(good.total(.adherence) == 4 && good.total(.quality) == 4)
        #expect(throws: FidelityRatingError.outOfRange(item: "demo-1", 8)) { try rating("a", "m", 4, shift: ["demo-1": 4]) }
        var scores = good.scores
        scores[.adherence]?["demo-4"] = 4
        #expect(throws: FidelityRatingError.notRated(item: "demo-4", .adherence)) { try FidelityRating(scale: scale, rater: "a", material: "m", scores: scores) }
        good = try rating("a", "m", 5, shift: ["demo-2": -2])
        #expect(good.value(.quality, item: "demo-2") == 3 && good.total(.quality) == 4.6)
    }

    @Test func pairwiseAgreementAndADriftingRater() throws {
        // Ada and Bo agree closely over six clips; Cy rates the same clips two points higher.
        var ratings: [FidelityRating] = []
        for (index, base) in [3, 5, 4, 6, 2, 5].enumerated() {
            let clip = "clip-\(index)"
            ratings.append(try rating("ada", clip, base))
            ratings.append(try rating("bo", clip, base, shift: index.isMultiple(of: 3) ? ["demo-1": 1] : [:]))
            ratings.append(try rating("cy", clip, min(7, base + 2)))
        }
        let table = try #require(FidelityAgreement.table(ratings, raters: "ada", "bo", dimension: .adherence))
        #expect(table.targets == 6 && table.raters == 2)
        let icc = try #require(AgreementAnalysis(table).icc(.icc2))
        #expect(icc.value > 0.9, "\(icc.value)")
        let item = try #require(FidelityAgreement.table(ratings, raters: "ada", "cy", dimension: .quality, item: "demo-4"))
        #expect(item.rows.first == [3, 5])
        let drift = FidelityAgreement.drift(ratings, dimension: .adherence)
        #expect(drift.map(\.rater) == ["ada", "bo", "cy"])
        #expect(drift.filter(\.flagged).map(\.rater) == ["cy"], "\(drift)")
        #expect(try #require(drift.last).meanDeviation > 1.5)
        #expect(FidelityAgreement.table(ratings, raters: "ada", "nobody", dimension: .adherence) == nil)
    }
}
