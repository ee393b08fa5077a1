/// How one operation performed over one window, as ``PerformanceMonitor`` reports it.
public struct OperationPerformance: Sendable, Hashable {
    /// The operation, as ``SpanOutcome/operation`` names it.
    public var operation: String
    public var window: AnalysisWindow
    public var count: Int
    public var errorCount: Int
    /// ``errorCount`` over ``count``.
    public var errorRate: Double
    public var meanMs: Double
    /// Exact.
    public var maxMs: Double
    /// Within 1% of the exact value (log-scale histogram buckets).
    public var p50Ms: Double
    public var p95Ms: Double
    public var p99Ms: Double

    public init(
        operation: String, window: AnalysisWindow, count: Int, errorCount: Int, errorRate: Double, meanMs: Double,
        maxMs: Double, p50Ms: Double, p95Ms: Double, p99Ms: Double
    ) {
        self.operation = operation
        self.window = window
        self.count = count
        self.errorCount = errorCount
        self.errorRate = errorRate
        self.meanMs = meanMs
        self.maxMs = maxMs
        self.p50Ms = p50Ms
        self.p95Ms = p95Ms
        self.p99Ms = p99Ms
    }

    init(operation: String, window: AnalysisWindow, stats: LatencyStats) {
        self.init(
            operation: operation, window: window, count: stats.count, errorCount: stats.errorCount,
            errorRate: stats.errorRate, meanMs: stats.meanMs, maxMs: stats.maxMs, p50Ms: stats.quantileMs(0.5),
            p95Ms: stats.quantileMs(0.95), p99Ms: stats.quantileMs(0.99))
    }

    var measurements: [String: Double] {
        [
            MeasurementKey.count: Double(count), MeasurementKey.errorCount: Double(errorCount),
            MeasurementKey.errorRate: errorRate, MeasurementKey.meanMs: meanMs, MeasurementKey.maxMs: maxMs,
            MeasurementKey.p50Ms: p50Ms, MeasurementKey.p95Ms: p95Ms, MeasurementKey.p99Ms: p99Ms,
            MeasurementKey.windowSeconds: window.seconds,
        ]
    }

    var metadata: [String: AttributeValue] {
        var metadata = window.metadata
        metadata[LoupeAttributes.analysisOperation] = .string(operation)
        return metadata
    }
}
