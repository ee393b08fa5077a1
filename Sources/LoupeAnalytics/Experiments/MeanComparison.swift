import LoupeCore

/// A mean (latency, cost, a score) of a treatment against the control's, by Welch's t-test; for
/// latency, also Mann-Whitney's test of the whole distribution, which a few slow requests cannot
/// swing the way they swing a mean.
public struct MeanComparison: Sendable, Hashable {
    public var control: Double
    public var treatment: Double
    public var difference: Double
    public var relativeDifference: Double?
    public var lower: Double
    public var upper: Double
    /// Welch's p-value.
    public var pValue: Double
    /// Mann-Whitney's p-value, for skewed values.
    public var rankPValue: Double?
    /// The chance a treatment value exceeds a control value (0.5: neither tends higher).
    public var probabilityTreatmentHigher: Double?

    /// Welch's test from each side's moments; Mann-Whitney too when both sides' values are given.
    init?(control: SampleMoments, treatment: SampleMoments, alpha: Double, controlValues: [Double]? = nil, treatmentValues: [Double]? = nil) {
        guard let welch = WelchTest(control: control, treatment: treatment, confidence: 1 - alpha) else { return nil }
        self.control = control.mean
        self.treatment = treatment.mean
        difference = welch.difference
        relativeDifference = welch.relativeDifference
        lower = welch.lower
        upper = welch.upper
        pValue = welch.pValue
        if let controlValues, let treatmentValues, let test = MannWhitneyTest(control: controlValues, treatment: treatmentValues) {
            rankPValue = test.pValue
            probabilityTreatmentHigher = test.probabilityTreatmentHigher
        }
    }

    /// Whether the treatment is higher (or lower) beyond chance: by ranks where they were
    /// compared, else by the mean.
    func isSignificantly(higher: Bool, alpha: Double) -> Bool {
        if let rankPValue, let share = probabilityTreatmentHigher {
            return rankPValue < alpha && (share > 0.5) == higher
        }
        return pValue < alpha && (difference > 0) == higher
    }
}
