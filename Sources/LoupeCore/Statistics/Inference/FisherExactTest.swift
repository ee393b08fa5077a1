import Foundation

/// Fisher's exact test of a 2×2 table, two-sided as scipy's `fisher_exact` computes it: the sum of
/// the probabilities of every table with the same margins that is no more likely than the one seen.
public struct FisherExactTest: Sendable, Hashable {
    public let pValue: Double
    /// (a·d)/(b·c) for the table [[a, b], [c, d]]; infinite or NaN where scipy's is.
    public let oddsRatio: Double

    /// The table [[a, b], [c, d]]: for rates, a and b are control successes and failures, c and d
    /// the treatment's.
    public init(a: Int, b: Int, c: Int, d: Int) {
        precondition(a >= 0 && b >= 0 && c >= 0 && d >= 0, "a contingency table holds counts")
        oddsRatio = Double(a * d) / Double(b * c)
        let row1 = a + b, column1 = a + c, total = a + b + c + d
        let lowest = max(0, column1 - (total - row1)), highest = min(row1, column1)
        func logProbability(_ k: Int) -> Double {
            Self.logChoose(row1, k) + Self.logChoose(total - row1, column1 - k) - Self.logChoose(total, column1)
        }
        let observed = logProbability(a)
        // scipy's relative tolerance, so tables as likely as the observed one count despite rounding.
        let threshold = observed + log1p(1e-7)
        var p = 0.0
        if lowest <= highest {
            for k in lowest...highest where logProbability(k) <= threshold { p += exp(logProbability(k)) }
        }
        pValue = min(1, p)
    }

    private static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}
