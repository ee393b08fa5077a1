import LoupeCore

/// A rate (success, error) of a treatment against the control's.
public struct RateComparison: Sendable, Hashable {
    public enum Test: String, Sendable, Hashable {
        /// The two-proportion z-test.
        case zTest = "two_proportion_z"
        /// Fisher's exact test, when a cell of the table expects fewer than five.
        case fisher = "fisher_exact"
    }

    public var control: Double
    public var treatment: Double
    /// Treatment minus control, with its 95% (or 1 − alpha) Wald interval.
    public var difference: Double
    public var relativeDifference: Double?
    public var lower: Double
    public var upper: Double
    public var pValue: Double
    public var test: Test
    /// The difference's standard error, for power.
    var standardError: Double

    init?(controlHits: Int, controlTrials: Int, treatmentHits: Int, treatmentTrials: Int, alpha: Double) {
        guard let z = TwoProportionTest(
            controlSuccesses: controlHits, controlTrials: controlTrials, treatmentSuccesses: treatmentHits,
            treatmentTrials: treatmentTrials, confidence: 1 - alpha
        ) else { return nil }
        control = z.controlRate
        treatment = z.treatmentRate
        difference = z.difference
        relativeDifference = z.relativeDifference
        lower = z.lower
        upper = z.upper
        standardError = z.standardError
        if TwoProportionTest.needsExactTest(
            controlSuccesses: controlHits, controlTrials: controlTrials, treatmentSuccesses: treatmentHits, treatmentTrials: treatmentTrials
        ) {
            pValue = FisherExactTest(
                a: controlHits, b: controlTrials - controlHits, c: treatmentHits, d: treatmentTrials - treatmentHits
            ).pValue
            test = .fisher
        } else {
            pValue = z.pValue
            test = .zTest
        }
    }
}
