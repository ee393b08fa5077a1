/// Exact percentiles of a small sample by the nearest-rank method: the ⌈q·n⌉-th smallest value,
/// always a value of the sample (numpy's `percentile(..., method="inverted_cdf")`).
public enum NearestRank {
    /// The `q` quantile (0…1) of values already sorted ascending; nil for no values.
    public static func quantile(_ q: Double, ofSorted values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let rank = max(1, Int((min(max(q, 0), 1) * Double(values.count)).rounded(.up)))
        return values[min(rank, values.count) - 1]
    }
}
