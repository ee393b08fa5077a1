/// Spearman's rank correlation with its two-sided p-value (scipy's `spearmanr`): Pearson's r of the
/// average ranks, tested with Student's t on n − 2 degrees of freedom.
public struct SpearmanCorrelation: Sendable, Hashable {
    public let rho: Double
    public let pValue: Double
    public let count: Int

    /// Nil with fewer than three pairs or when either side is constant.
    public init?(_ x: [Double], _ y: [Double]) {
        guard x.count == y.count, x.count >= 3 else { return nil }
        let rx = AverageRanks(x).ranks, ry = AverageRanks(y).ranks
        guard Set(ry).count > 1, let fit = LinearTrend(x: rx, y: ry) else { return nil }
        rho = fit.correlation
        pValue = fit.pValue
        count = x.count
    }
}
