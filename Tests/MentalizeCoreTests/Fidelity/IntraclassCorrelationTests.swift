import Foundation
import Testing
@testable import MentalizeCore

/// Intraclass correlations against Shrout & Fleiss (1979)'s worked example (6 targets × 4 judges)
/// and Real Statistics' wine example (8 wines × 4 judges, the table pingouin's documentation
/// publishes with its results), the intervals against two independent implementations (pingouin's
/// intraclass_corr, rounded to two places, and the McGraw & Wong formulas over SciPy's F
/// quantiles), and the Koo & Li bands.
@Suite struct IntraclassCorrelationTests {
    static let shroutFleiss: [[Double]] = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]

    private func analysis() throws -> AgreementAnalysis {
        AgreementAnalysis(try RatingTable(Self.shroutFleiss))
    }

    private func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool { abs(a - b) <= tolerance }

    @Test func thePublishedPointEstimates() throws {
        let published: [(IntraclassCorrelation.Form, Double)] = [(.icc1, 0.17), (.icc2, 0.29), (.icc3, 0.71), (.icc1k, 0.44), (.icc2k, 0.62), (.icc3k, 0.91)]
        for (form, value) in published {
            let icc = try #require(try analysis().icc(form))
            #expect(close(icc.value, value, 0.005), "\(form.rawValue): \(icc.value) against Shrout & Fleiss's \(value)")
        }
    }

    /// Eight wines scored 0–9 by judges A–D (Real Statistics, "Intraclass correlation", Example 1).
    static let wines: [[Double]] = [[1, 2, 0, 1], [1, 3, 3, 2], [3, 8, 1, 4], [6, 4, 3, 3], [6, 5, 5, 6], [7, 5, 6, 2], [8, 7, 7, 9], [9, 9, 9, 8]]

    @Test func theSecondPublishedTable() throws {
        // Published: ICC(1,1) .728, ICC(A,1) .728, ICC(C,1) .729 with [0.43, 0.93]; the k-rater forms
        // .914, .914, .915 with [0.75, 0.98].
        let wines = AgreementAnalysis(try RatingTable(Self.wines))
        let published: [(IntraclassCorrelation.Form, Double, Double, Double)] = [
            (.icc1, 0.728, 0.43, 0.93), (.icc2, 0.728, 0.43, 0.93), (.icc3, 0.729, 0.43, 0.93),
            (.icc1k, 0.914, 0.75, 0.98), (.icc2k, 0.914, 0.75, 0.98), (.icc3k, 0.915, 0.75, 0.98),
        ]
        for (form, value, lower, upper) in published {
            let icc = try #require(wines.icc(form))
            #expect(close(icc.value, value, 0.0005) && close(icc.lower, lower, 0.005) && close(icc.upper, upper, 0.005),
                    "\(form.rawValue): \(icc.value) [\(icc.lower), \(icc.upper)] against \(value) [\(lower), \(upper)]")
        }
    }

    @Test func theIntervalsMatchIndependentImplementations() throws {
        // (form, value, lower, upper) from SciPy over McGraw & Wong; pingouin agrees to two places.
        let reference: [(IntraclassCorrelation.Form, Double, Double, Double)] = [
            (.icc1, 0.165741768, -0.132932325, 0.722560062),
            (.icc2, 0.289763780, 0.018786513, 0.761084370),
            (.icc3, 0.714840715, 0.342464765, 0.945858260),
            (.icc1k, 0.442797134, -0.884442155, 0.912415420),
            (.icc3k, 0.909315542, 0.675674714, 0.985891678),
        ]
        for (form, value, lower, upper) in reference {
            let icc = try #require(try analysis().icc(form))
            #expect(close(icc.value, value, 1e-8) && close(icc.lower, lower, 1e-6) && close(icc.upper, upper, 1e-6),
                    "\(form.rawValue): \(icc.value) [\(icc.lower), \(icc.upper)]")
        }
        let icc2k = try #require(try analysis().icc(.icc2k))
        #expect(close(icc2k.value, 0.620050548, 1e-8) && close(icc2k.lower, 0.07, 0.005) && close(icc2k.upper, 0.93, 0.005), "pingouin: 0.62 [0.07, 0.93]")
    }

    @Test func fQuantilesMatchSciPyIncludingFractionalDegreesOfFreedom() {
        #expect(close(FDistribution.quantile(0.975, 5, 15), 3.5764153492790607, 1e-8))
        #expect(close(FDistribution.quantile(0.975, 15, 5), 6.427728167078779, 1e-8))
        #expect(close(FDistribution.quantile(0.975, 5, 4.785143862212757), 7.4986275931448185, 1e-8))
        #expect(close(FDistribution.quantile(0.95, 2.5, 7.3), 4.417589999800339, 1e-8))
        #expect(close(FDistribution.cdf(FDistribution.quantile(0.3, 4, 9), 4, 9), 0.3, 1e-10))
    }

    @Test func kooAndLiBandsReadTheInterval() throws {
        let icc3 = try #require(try analysis().icc(.icc3))
        #expect(icc3.bands == AgreementBand.poor...AgreementBand.excellent, "0.34 to 0.95: poor to excellent, too few targets to say more")
        #expect(AgreementBand(0.49) == .poor && AgreementBand(0.5) == .moderate && AgreementBand(0.75) == .good && AgreementBand(0.9) == .good && AgreementBand(0.91) == .excellent)
        let agreeing = AgreementAnalysis(try RatingTable((0..<30).map { i in [Double(i % 7), Double(i % 7) + (i.isMultiple(of: 5) ? 0.5 : 0)] }))
        let strong = try #require(agreeing.icc(.icc2))
        #expect(strong.bands.lowerBound >= .good, "near-identical raters over 30 targets: \(strong.lower)")
    }

    @Test func tablesThatCannotBeAnalysedSaySo() throws {
        #expect(throws: AgreementError.tooFewTargets(1)) { try RatingTable([[1, 2]]) }
        #expect(throws: AgreementError.tooFewRaters(1)) { try RatingTable([[1], [2]]) }
        #expect(throws: AgreementError.incompleteTable) { try RatingTable([[1, 2], [3]]) }
        #expect(throws: AgreementError.notANumber) { try RatingTable([[1, .nan], [3, 4]]) }
        let flat = AgreementAnalysis(try RatingTable([[4, 4], [4, 4], [4, 4]]))
        #expect(IntraclassCorrelation.Form.allCases.allSatisfy { flat.icc($0) == nil }, "no variance: no correlation, not a crash")
        let exact = AgreementAnalysis(try RatingTable([[1, 1], [4, 4], [6, 6]]))
        #expect(IntraclassCorrelation.Form.allCases.allSatisfy { exact.icc($0).map { $0.value == 1 && $0.lower == 1 && $0.upper == 1 } == true },
                "raters who agree exactly on targets that differ: 1, not a division by zero")
    }
}
