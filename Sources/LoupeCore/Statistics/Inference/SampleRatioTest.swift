/// The sample-ratio-mismatch check: a chi-square goodness-of-fit test of the units each variant
/// received against the split it was meant to get (scipy's `chisquare(observed, expected)`).
///
/// A tiny p-value means assignment or logging is broken (a variant crashes before it records, a
/// bot lands on one side), and every other result of the experiment is suspect.
public struct SampleRatioTest: Sendable, Hashable {
    /// Below this p-value a mismatch is reported: strict, because a split is checked often and a
    /// false alarm stops a sound experiment.
    public static let threshold = 0.001

    public let expected: [Double]
    public let statistic: Double
    public let degreesOfFreedom: Int
    public let pValue: Double

    public var isMismatch: Bool { pValue < Self.threshold }

    /// Nil with fewer than two variants, no units, or a weight that is not positive.
    public init?(observed: [Int], weights: [Double]) {
        guard observed.count >= 2, observed.count == weights.count, weights.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        let total = Double(observed.reduce(0, +))
        guard total > 0 else { return nil }
        let weightSum = weights.reduce(0, +)
        expected = weights.map { total * $0 / weightSum }
        statistic = zip(observed, expected).reduce(0) { sum, pair in
            let deviation = Double(pair.0) - pair.1
            return sum + deviation * deviation / pair.1
        }
        degreesOfFreedom = observed.count - 1
        pValue = ChiSquaredDistribution(degreesOfFreedom: Double(degreesOfFreedom)).survival(statistic)
    }
}
