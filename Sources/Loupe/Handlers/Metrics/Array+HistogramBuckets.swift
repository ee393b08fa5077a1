extension Array where Element == MetricDefinition {
    /// The bucket boundaries of the distributions in a duration unit, by metric name, as
    /// swift-prometheus's `PrometheusMetricsFactory.durationHistogramBuckets` takes them.
    ///
    /// ```swift
    /// var factory = PrometheusMetricsFactory(registry: registry)
    /// factory.durationHistogramBuckets = definitions.durationHistogramBuckets
    /// factory.valueHistogramBuckets = definitions.valueHistogramBuckets
    /// ```
    public var durationHistogramBuckets: [String: [Duration]] {
        var buckets: [String: [Duration]] = [:]
        for definition in self {
            guard case .distribution(let bounds) = definition.kind, let scale = definition.unit.nanosecondsPerUnit
            else { continue }
            buckets[definition.name] = bounds.map { Duration.fromNanoseconds($0 * scale) }
        }
        return buckets
    }

    /// The bucket boundaries of the other distributions, by metric name, as swift-prometheus's
    /// `PrometheusMetricsFactory.valueHistogramBuckets` takes them.
    public var valueHistogramBuckets: [String: [Double]] {
        var buckets: [String: [Double]] = [:]
        for definition in self {
            guard case .distribution(let bounds) = definition.kind, !definition.unit.isDuration else { continue }
            buckets[definition.name] = bounds
        }
        return buckets
    }
}
