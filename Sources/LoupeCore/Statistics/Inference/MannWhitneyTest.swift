/// The Mann-Whitney U test, for skewed values such as latency: two-sided, with the normal
/// approximation corrected for ties and continuity (scipy's
/// `mannwhitneyu(treatment, control, method="asymptotic")`).
///
/// The exact distribution scipy switches to for tiny samples without ties is not computed: an
/// experiment read through Loupe has hundreds of requests a side, where the two agree.
public struct MannWhitneyTest: Sendable, Hashable {
    /// U of the treatment: how many (treatment, control) pairs have the treatment's value larger,
    /// ties counting one half.
    public let u: Double
    /// U over the number of pairs: the probability that a treatment value exceeds a control value.
    public let probabilityTreatmentHigher: Double
    public let z: Double
    public let pValue: Double

    /// Nil when a side is empty.
    public init?(control: [Double], treatment: [Double]) {
        guard !control.isEmpty, !treatment.isEmpty else { return nil }
        let n1 = Double(treatment.count), n2 = Double(control.count), n = n1 + n2
        let ranked = AverageRanks(treatment + control)
        let treatmentRanks = ranked.ranks.prefix(treatment.count).reduce(0, +)
        let tieTerm = ranked.tieCorrection
        let u1 = treatmentRanks - n1 * (n1 + 1) / 2
        let mean = n1 * n2 / 2
        let sd = (n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)))).squareRoot()
        u = u1
        probabilityTreatmentHigher = u1 / (n1 * n2)
        guard sd > 0 else {
            z = 0
            pValue = 1
            return
        }
        let larger = max(u1, n1 * n2 - u1)
        z = (larger - mean - 0.5) / sd
        pValue = min(1, 2 * NormalDistribution.survival(z))
    }
}
