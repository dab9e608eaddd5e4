import Foundation

/// The F distribution's upper quantiles, for the confidence intervals of intraclass correlations.
/// Built from the regularized incomplete beta function (a continued fraction evaluated with the
/// modified Lentz method), inverted by bisection; degrees of freedom may be fractional.
public enum FDistribution {
    /// P(X ≤ x) for X ~ F(d1, d2).
    public static func cdf(_ x: Double, _ d1: Double, _ d2: Double) -> Double {
        guard x > 0 else { return 0 }
        return regularizedIncompleteBeta(d1 * x / (d1 * x + d2), a: d1 / 2, b: d2 / 2)
    }

    /// The x with P(X ≤ x) = p for X ~ F(d1, d2), p in (0, 1).
    public static func quantile(_ p: Double, _ d1: Double, _ d2: Double) -> Double {
        guard p > 0, p < 1, d1 > 0, d2 > 0 else { return .nan }
        // Bisection on t = d1·x / (d1·x + d2) in (0, 1): the incomplete beta rises monotonically in t.
        var low = 0.0
        var high = 1.0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if regularizedIncompleteBeta(middle, a: d1 / 2, b: d2 / 2) < p { low = middle } else { high = middle }
        }
        let t = (low + high) / 2
        return d2 * t / (d1 * (1 - t))
    }

    /// I_x(a, b), the regularized incomplete beta function.
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
        let logFront: Double = a * log(x) + b * log(1 - x) - logBeta
        // The continued fraction converges fast for x < (a + 1)/(a + b + 2); use the symmetry otherwise.
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
    }

    /// The continued fraction of the incomplete beta function (modified Lentz).
    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...500 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return result
    }
}
