/// An ordinary least-squares line through points, with the two-sided p-value of its slope against
/// no trend (scipy's `linregress`).
public struct LinearTrend: Sendable, Hashable {
    public let slope: Double
    public let intercept: Double
    /// Pearson's r.
    public let correlation: Double
    public let pValue: Double

    /// Nil with fewer than three points or no spread in x.
    public init?(x: [Double], y: [Double]) {
        guard x.count == y.count, x.count >= 3 else { return nil }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for (a, b) in zip(x, y) {
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
            sxy += (a - mx) * (b - my)
        }
        guard sxx > 0 else { return nil }
        slope = sxy / sxx
        intercept = my - slope * mx
        guard syy > 0 else {
            correlation = 0
            pValue = 1
            return
        }
        let r = max(-1, min(1, sxy / (sxx * syy).squareRoot()))
        correlation = r
        let df = n - 2
        if abs(r) >= 1 {
            pValue = 0
        } else {
            let t = r * (df / ((1 - r) * (1 + r))).squareRoot()
            pValue = StudentTDistribution(degreesOfFreedom: df).twoSidedPValue(t)
        }
    }
}
