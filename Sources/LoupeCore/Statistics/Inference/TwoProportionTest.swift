/// The two-proportion z-test with a pooled variance (statsmodels' `proportions_ztest`), and a Wald
/// confidence interval for the difference (`confint_proportions_2indep(method="wald")`).
///
/// Its normal approximation needs every cell of the 2×2 table to expect at least
/// ``minimumExpectedCount``; below that, ``FisherExactTest`` gives the p-value.
public struct TwoProportionTest: Sendable, Hashable {
    public static let minimumExpectedCount = 5.0

    public let controlRate: Double
    public let treatmentRate: Double
    /// Treatment rate minus control rate.
    public let difference: Double
    /// ``difference`` over the control rate; nil when the control rate is zero.
    public let relativeDifference: Double?
    public let statistic: Double
    public let pValue: Double
    public let lower: Double
    public let upper: Double
    public let confidence: Double
    /// The unpooled standard error of ``difference``, which power analysis reuses.
    public let standardError: Double

    /// Nil when a side has no trials.
    public init?(controlSuccesses: Int, controlTrials: Int, treatmentSuccesses: Int, treatmentTrials: Int, confidence: Double = 0.95) {
        guard controlTrials > 0, treatmentTrials > 0 else { return nil }
        let n1 = Double(controlTrials), n2 = Double(treatmentTrials)
        let p1 = Double(controlSuccesses) / n1, p2 = Double(treatmentSuccesses) / n2
        let pooled = Double(controlSuccesses + treatmentSuccesses) / (n1 + n2)
        let pooledSE = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        controlRate = p1
        treatmentRate = p2
        difference = p2 - p1
        relativeDifference = p1 > 0 ? difference / p1 : nil
        statistic = pooledSE > 0 ? difference / pooledSE : 0
        pValue = pooledSE > 0 ? min(1, 2 * NormalDistribution.survival(abs(statistic))) : 1
        standardError = (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2).squareRoot()
        let margin = NormalDistribution.quantile(1 - (1 - confidence) / 2) * standardError
        lower = difference - margin
        upper = difference + margin
        self.confidence = confidence
    }

    /// Whether any cell of the table expects fewer than ``minimumExpectedCount`` under the null.
    public static func needsExactTest(controlSuccesses: Int, controlTrials: Int, treatmentSuccesses: Int, treatmentTrials: Int) -> Bool {
        let total = Double(controlTrials + treatmentTrials)
        guard total > 0 else { return true }
        let successShare = Double(controlSuccesses + treatmentSuccesses) / total
        return [Double(controlTrials), Double(treatmentTrials)].contains { trials in
            min(trials * successShare, trials * (1 - successShare)) < minimumExpectedCount
        }
    }
}
