/// Welch's t-test of two means without assuming equal variances (scipy's
/// `ttest_ind(treatment, control, equal_var=False)`), with a confidence interval for the difference.
public struct WelchTest: Sendable, Hashable {
    /// Treatment mean minus control mean.
    public let difference: Double
    /// ``difference`` over the control mean; nil when the control mean is zero.
    public let relativeDifference: Double?
    public let statistic: Double
    /// Welch–Satterthwaite degrees of freedom.
    public let degreesOfFreedom: Double
    public let pValue: Double
    /// The two-sided confidence interval of ``difference`` at ``confidence``.
    public let lower: Double
    public let upper: Double
    public let confidence: Double
    /// The standard error of ``difference``, which power analysis reuses.
    public let standardError: Double

    /// Nil when either side has fewer than two values or both have no variance: there is nothing
    /// to test.
    public init?(control: SampleMoments, treatment: SampleMoments, confidence: Double = 0.95) {
        guard control.count > 1, treatment.count > 1 else { return nil }
        let va = control.varianceOfMean, vb = treatment.varianceOfMean
        let se2 = va + vb
        guard se2 > 0 else { return nil }
        let se = se2.squareRoot()
        let df = se2 * se2 / (va * va / Double(control.count - 1) + vb * vb / Double(treatment.count - 1))
        let t = StudentTDistribution(degreesOfFreedom: df)
        difference = treatment.mean - control.mean
        relativeDifference = control.mean != 0 ? difference / abs(control.mean) : nil
        statistic = difference / se
        degreesOfFreedom = df
        pValue = t.twoSidedPValue(statistic)
        let margin = t.quantile(1 - (1 - confidence) / 2) * se
        lower = difference - margin
        upper = difference + margin
        self.confidence = confidence
        standardError = se
    }
}
