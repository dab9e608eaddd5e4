import Foundation

/// Ratings of the same targets (sessions, clips, or one item of them) by the same raters: row i
/// holds every rater's score for target i, in the same rater order. Complete tables only: the
/// two-way analysis needs each rater on each target.
public struct RatingTable: Sendable, Equatable {
    public let rows: [[Double]]

    public var targets: Int { rows.count }
    public var raters: Int { rows.first?.count ?? 0 }

    public init(_ rows: [[Double]]) throws(AgreementError) {
        guard rows.count >= 2 else { throw .tooFewTargets(rows.count) }
        guard let width = rows.first?.count, width >= 2 else { throw .tooFewRaters(rows.first?.count ?? 0) }
        guard rows.allSatisfy({ $0.count == width }) else { throw .incompleteTable }
        guard rows.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { throw .notANumber }
        self.rows = rows
    }
}

/// Why a rating table cannot be analysed.
public enum AgreementError: Error, Equatable, Sendable {
    case tooFewTargets(Int)
    case tooFewRaters(Int)
    case incompleteTable
    case notANumber
}

/// One intraclass correlation with its 95 % confidence interval, named as Shrout & Fleiss (1979)
/// and McGraw & Wong (1996) name them, so a report says which one it is (Koo & Li 2016).
public struct IntraclassCorrelation: Sendable, Equatable {
    public enum Form: String, Sendable, CaseIterable {
        /// One-way random, single rater.
        case icc1 = "ICC(1,1)"
        /// Two-way random, single rater, absolute agreement: raters drawn from a pool.
        case icc2 = "ICC(2,1)"
        /// Two-way mixed, single rater, consistency: a fixed set of raters.
        case icc3 = "ICC(3,1)"
        /// The same three for the mean of the k raters.
        case icc1k = "ICC(1,k)"
        case icc2k = "ICC(2,k)"
        case icc3k = "ICC(3,k)"
    }

    public let form: Form
    public let value: Double
    public let lower: Double
    public let upper: Double

    /// Koo & Li's reading of the interval: the bands its two ends fall in ("moderate to good").
    public var bands: ClosedRange<AgreementBand> { AgreementBand(lower)...AgreementBand(upper) }
}

/// Koo & Li (2016): below .50 poor, .50 to .75 moderate, .75 to .90 good, above .90 excellent.
public enum AgreementBand: Int, Sendable, Comparable, CaseIterable {
    case poor, moderate, good, excellent

    public init(_ icc: Double) {
        self = icc < 0.5 ? .poor : icc < 0.75 ? .moderate : icc <= 0.9 ? .good : .excellent
    }

    public static func < (lhs: AgreementBand, rhs: AgreementBand) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The mean squares of the two-way analysis of variance of a rating table, and the six
/// intraclass correlations with their confidence intervals.
public struct AgreementAnalysis: Sendable {
    public let table: RatingTable
    /// Between targets, between raters (judges), residual, and within targets.
    public let bms: Double
    public let jms: Double
    public let ems: Double
    public let wms: Double

    public init(_ table: RatingTable) {
        self.table = table
        let n = Double(table.targets)
        let k = Double(table.raters)
        let all = table.rows.flatMap { $0 }
        let grand = all.reduce(0, +) / (n * k)
        let rowMeans = table.rows.map { $0.reduce(0, +) / k }
        let columnMeans = (0..<table.raters).map { j in table.rows.map { $0[j] }.reduce(0, +) / n }
        let total = all.map { ($0 - grand) * ($0 - grand) }.reduce(0, +)
        let betweenTargets = k * rowMeans.map { ($0 - grand) * ($0 - grand) }.reduce(0, +)
        let betweenRaters = n * columnMeans.map { ($0 - grand) * ($0 - grand) }.reduce(0, +)
        bms = betweenTargets / (n - 1)
        jms = betweenRaters / (k - 1)
        ems = (total - betweenTargets - betweenRaters) / ((n - 1) * (k - 1))
        wms = (total - betweenTargets) / (n * (k - 1))
    }

    /// The correlation of `form` with its (1 − alpha) interval; nil when the targets do not differ
    /// (every target scored alike: nothing to agree about). Raters who agree exactly on targets
    /// that differ get 1, with the interval [1, 1].
    public func icc(_ form: IntraclassCorrelation.Form, alpha: Double = 0.05) -> IntraclassCorrelation? {
        guard bms > 0 else { return nil }
        // No error left means exact agreement, except for absolute agreement when the raters
        // differ by a constant (consistent, yet apart): ICC(2,·) then still counts the offset.
        let error = [.icc1, .icc1k].contains(form) ? wms : ems
        let offset = [.icc2, .icc2k].contains(form) ? jms : 0
        guard error > 0 || offset > 0 else { return .init(form: form, value: 1, lower: 1, upper: 1) }
        let n = Double(table.targets)
        let k = Double(table.raters)
        let q = 1 - alpha / 2
        switch form {
        case .icc1, .icc1k:
            let f = bms / wms
            let (df1, df2) = (n - 1, n * (k - 1))
            let fl = f / FDistribution.quantile(q, df1, df2)
            let fu = f * FDistribution.quantile(q, df2, df1)
            if form == .icc1 {
                return .init(form: form, value: (bms - wms) / (bms + (k - 1) * wms), lower: (fl - 1) / (fl + k - 1), upper: (fu - 1) / (fu + k - 1))
            }
            return .init(form: form, value: (bms - wms) / bms, lower: 1 - 1 / fl, upper: 1 - 1 / fu)
        case .icc3, .icc3k:
            let f = bms / ems
            let (df1, df2) = (n - 1, (n - 1) * (k - 1))
            let fl = f / FDistribution.quantile(q, df1, df2)
            let fu = f * FDistribution.quantile(q, df2, df1)
            if form == .icc3 {
                return .init(form: form, value: (bms - ems) / (bms + (k - 1) * ems), lower: (fl - 1) / (fl + k - 1), upper: (fu - 1) / (fu + k - 1))
            }
            return .init(form: form, value: (bms - ems) / bms, lower: 1 - 1 / fl, upper: 1 - 1 / fu)
        case .icc2, .icc2k:
            let denominator = bms + (k - 1) * ems + k * (jms - ems) / n
            guard denominator > 0 else { return nil }
            let single = (bms - ems) / denominator
            // Satterthwaite's degrees of freedom for the interval (McGraw & Wong 1996, case 2A).
            let a = k * single / (n * (1 - single))
            let b = 1 + k * single * (n - 1) / (n * (1 - single))
            let v = pow(a * jms + b * ems, 2) / (pow(a * jms, 2) / (k - 1) + pow(b * ems, 2) / ((n - 1) * (k - 1)))
            let fStar = FDistribution.quantile(q, n - 1, v)
            let fStar2 = FDistribution.quantile(q, v, n - 1)
            let lower = n * (bms - fStar * ems) / (fStar * (k * jms + (k * n - k - n) * ems) + n * bms)
            let upper = n * (fStar2 * bms - ems) / (k * jms + (k * n - k - n) * ems + n * fStar2 * bms)
            if form == .icc2 { return .init(form: form, value: single, lower: lower, upper: upper) }
            // The mean of k raters: Spearman–Brown on the value and on both ends.
            let stepUp = { (r: Double) in k * r / (1 + (k - 1) * r) }
            return .init(form: form, value: (bms - ems) / (bms + (jms - ems) / n), lower: stepUp(lower), upper: stepUp(upper))
        }
    }
}
