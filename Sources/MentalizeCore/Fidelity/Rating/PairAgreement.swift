/// Agreement between two raters on the material both rated: the intraclass correlations of their
/// totals and of each item, absolute agreement (ICC(2,1)) and consistency (ICC(3,1)), with 95 %
/// intervals.
public struct PairAgreement: Sendable, Equatable {
    /// One item's agreement, per dimension the item is rated on.
    public struct Item: Sendable, Equatable {
        public let id: String
        public let absolute: [FidelityDimension: IntraclassCorrelation]
        public let consistency: [FidelityDimension: IntraclassCorrelation]
    }

    public let first: String
    public let second: String
    /// Pieces of material both rated (the table's targets).
    public let shared: Int
    /// Per dimension: ICC(2,1) and ICC(3,1); nil when too few shared pieces or nothing to agree on.
    public let absolute: [FidelityDimension: IntraclassCorrelation]
    public let consistency: [FidelityDimension: IntraclassCorrelation]
    /// Per item, in the order the items are given to ``pairs(_:items:)``.
    public let items: [Item]

    /// Every pair of raters in `ratings` (one scale's) who share at least one piece of material,
    /// in rater order.
    public static func pairs(_ ratings: [FidelityRating], items: [String] = []) -> [PairAgreement] {
        let raters = Set(ratings.map(\.rater)).sorted()
        var result: [PairAgreement] = []
        for (index, first) in raters.enumerated() {
            for second in raters.dropFirst(index + 1) {
                let firstMaterial = Set(ratings.filter { $0.rater == first }.map(\.material))
                let shared = firstMaterial.intersection(ratings.filter { $0.rater == second }.map(\.material)).count
                guard shared > 0 else { continue }
                let total = correlations(ratings, first, second, item: nil)
                let perItem = items.map { id in
                    let item = correlations(ratings, first, second, item: id)
                    return Item(id: id, absolute: item.absolute, consistency: item.consistency)
                }
                result.append(PairAgreement(first: first, second: second, shared: shared, absolute: total.absolute, consistency: total.consistency, items: perItem))
            }
        }
        return result
    }

    /// ICC(2,1) and ICC(3,1) per dimension of one item (or the total when `item` is nil).
    private static func correlations(_ ratings: [FidelityRating], _ first: String, _ second: String, item: String?)
        -> (absolute: [FidelityDimension: IntraclassCorrelation], consistency: [FidelityDimension: IntraclassCorrelation]) {
        var absolute: [FidelityDimension: IntraclassCorrelation] = [:]
        var consistency: [FidelityDimension: IntraclassCorrelation] = [:]
        for dimension in FidelityDimension.allCases {
            guard let table = FidelityAgreement.table(ratings, raters: first, second, dimension: dimension, item: item) else { continue }
            let analysis = AgreementAnalysis(table)
            absolute[dimension] = analysis.icc(.icc2)
            consistency[dimension] = analysis.icc(.icc3)
        }
        return (absolute, consistency)
    }
}
