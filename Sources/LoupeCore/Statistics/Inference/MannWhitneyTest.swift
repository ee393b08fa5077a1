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
        var pooled = treatment.map { ($0, true) } + control.map { ($0, false) }
        pooled.sort { $0.0 < $1.0 }
        var treatmentRanks = 0.0
        var tieTerm = 0.0
        var start = 0
        while start < pooled.count {
            var end = start
            while end + 1 < pooled.count && pooled[end + 1].0 == pooled[start].0 { end += 1 }
            let rank = Double(start + end + 2) / 2
            let ties = Double(end - start + 1)
            tieTerm += ties * ties * ties - ties
            for i in start...end where pooled[i].1 { treatmentRanks += rank }
            start = end + 1
        }
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
