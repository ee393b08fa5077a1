/// Running latency and error counts for one operation in one window.
struct LatencyStats: Sendable {
    private(set) var count = 0
    private(set) var errorCount = 0
    private(set) var totalMs = 0.0
    private(set) var maxMs = 0.0
    /// Quantiles come from the same mergeable histogram the server's rollups use, so an in-process
    /// p95 and a dashboard p95 agree to within its 1% accuracy.
    private(set) var histogram = LatencyHistogram()

    mutating func record(ms: Double, failed: Bool) {
        count += 1
        if failed { errorCount += 1 }
        totalMs += ms
        maxMs = max(maxMs, ms)
        histogram.record(ms: ms)
    }

    var meanMs: Double {
        count == 0 ? 0 : totalMs / Double(count)
    }

    var errorRate: Double {
        count == 0 ? 0 : Double(errorCount) / Double(count)
    }

    /// A histogram bucket's midpoint can sit up to 1% above the largest value in it; the exact
    /// maximum is known, so no quantile is reported above it.
    func quantileMs(_ q: Double) -> Double {
        min(histogram.quantile(q) ?? 0, maxMs)
    }
}
