import Foundation

/// Which of an item's two ratings: was it done, or how well.
public enum FidelityDimension: String, Codable, Sendable, CaseIterable {
    case adherence, quality
}

/// One rater's scores for one piece of material (a session or a clip) on a scale: for each item,
/// a score per dimension the item is rated for. Checked against the scale when made.
public struct FidelityRating: Sendable, Equatable {
    public let rater: String
    public let material: String
    public let scores: [FidelityDimension: [String: Int]]

    public init(scale: FidelityScale, rater: String, material: String, scores: [FidelityDimension: [String: Int]]) throws(FidelityRatingError) {
        for item in scale.items {
            for dimension in FidelityDimension.allCases where (dimension == .adherence ? item.adherence : item.quality) {
                guard let score = scores[dimension]?[item.id] else { throw .missing(item: item.id, dimension) }
                guard (scale.minimum...scale.maximum).contains(score) else { throw .outOfRange(item: item.id, score) }
            }
        }
        for (dimension, byItem) in scores {
            for id in byItem.keys {
                guard let item = scale.items.first(where: { $0.id == id }) else { throw .unknownItem(id) }
                guard dimension == .adherence ? item.adherence : item.quality else { throw .notRated(item: id, dimension) }
            }
        }
        self.rater = rater
        self.material = material
        self.scores = scores
    }

    /// The mean of the items rated on `dimension`; nil when none is.
    public func total(_ dimension: FidelityDimension) -> Double? {
        let values = (scores[dimension] ?? [:]).values
        return values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
    }

    /// The score of one item on `dimension`, or the total when `item` is nil.
    public func value(_ dimension: FidelityDimension, item: String?) -> Double? {
        guard let item else { return total(dimension) }
        return scores[dimension]?[item].map(Double.init)
    }
}

/// Why a rating cannot be stored (the app words it for the rater: `FidelityRatingRefusalText`).
public enum FidelityRatingError: Error, Equatable, Sendable {
    /// An item rated on `dimension` has no score.
    case missing(item: String, FidelityDimension)
    /// The score lies outside the scale's range.
    case outOfRange(item: String, Int)
    /// A score for an item the scale does not have.
    case unknownItem(String)
    /// A score on a dimension the item is not rated for.
    case notRated(item: String, FidelityDimension)
}

/// Agreement between raters who rated the same material, and raters drifting from the others.
public enum FidelityAgreement {
    /// The two raters' values (an item's, or the total when `item` is nil) on every material both
    /// rated, as a rating table for ``AgreementAnalysis``; nil with fewer than two such materials.
    public static func table(_ ratings: [FidelityRating], raters first: String, _ second: String, dimension: FidelityDimension, item: String? = nil) -> RatingTable? {
        let byMaterial = Dictionary(grouping: ratings.filter { $0.rater == first || $0.rater == second }, by: \.material)
        let rows = byMaterial.keys.sorted().compactMap { material -> [Double]? in
            let pair = byMaterial[material] ?? []
            guard let a = pair.first(where: { $0.rater == first })?.value(dimension, item: item),
                  let b = pair.first(where: { $0.rater == second })?.value(dimension, item: item) else { return nil }
            return [a, b]
        }
        return try? RatingTable(rows)
    }

    /// How far one rater's totals sit from the others' on the same material.
    public struct Drift: Sendable, Equatable {
        public let rater: String
        /// Materials the rater shares with at least one other rater.
        public let materials: Int
        /// The mean of (this rater's total − the others' mean total), in scale points.
        public let meanDeviation: Double
        public let flagged: Bool
    }

    /// Each rater's mean deviation from the consensus of the others (leave-one-out), flagged when
    /// it is at least `threshold` points over at least `minimumMaterials` shared materials.
    public static func drift(_ ratings: [FidelityRating], dimension: FidelityDimension, threshold: Double = 1, minimumMaterials: Int = 3) -> [Drift] {
        let byMaterial = Dictionary(grouping: ratings, by: \.material)
        var deviations: [String: [Double]] = [:]
        for (_, group) in byMaterial where Set(group.map(\.rater)).count >= 2 {
            for rating in group {
                guard let own = rating.total(dimension) else { continue }
                let others = group.filter { $0.rater != rating.rater }.compactMap { $0.total(dimension) }
                guard !others.isEmpty else { continue }
                deviations[rating.rater, default: []].append(own - others.reduce(0, +) / Double(others.count))
            }
        }
        return deviations.keys.sorted().map { rater in
            let values = deviations[rater] ?? []
            let mean = values.reduce(0, +) / Double(max(values.count, 1))
            return Drift(rater: rater, materials: values.count, meanDeviation: mean, flagged: values.count >= minimumMaterials && abs(mean) >= threshold)
        }
    }
}
