import LoupeCore

extension OTLPExportMetricsServiceRequest {
    /// Validates and converts the histogram points of the GenAI metrics Loupe reads (``GenAIMetricKind``);
    /// invalid ones are counted by reason, never thrown. Points of other metrics are left aside unread.
    public func decodedPoints() -> DecodedMetricPoints {
        var result = DecodedMetricPoints()
        for resourceMetric in resourceMetrics {
            let resource = OTLPKeyValue.attributes(resourceMetric.resource.attributes)
            for scopeMetric in resourceMetric.scopeMetrics {
                let scope = scopeMetric.scope.name.isEmpty ? nil : scopeMetric.scope.name
                for metric in scopeMetric.metrics {
                    let template = MetricPoint(
                        name: metric.name, unit: metric.unit, resourceAttributes: resource, scopeName: scope, startNanos: 0, timeNanos: 0,
                        isCumulative: false, histogram: MetricHistogram(count: 0, sum: 0))
                    for outcome in Self.points(of: metric, template: template) {
                        switch outcome {
                        case .success(let point): result.points.append(point)
                        case .failure(let reason): result.rejected[reason, default: 0] += 1
                        }
                    }
                }
            }
        }
        return result
    }

    private static func points(of metric: OTLPMetric, template: MetricPoint) -> [Result<MetricPoint, MetricPointRejection>] {
        switch metric.data {
        case .histogram(let histogram):
            return histogram.dataPoints.compactMap { p in
                point(
                    template, temporality: histogram.aggregationTemporality, attributes: p.attributes, start: p.startTimeUnixNano, time: p.timeUnixNano
                ) {
                    MetricHistogram(
                        count: Int64(clamping: p.count), sum: p.hasSum ? p.sum : 0, bounds: p.explicitBounds,
                        bucketCounts: p.bucketCounts.map { Int64(clamping: $0) }, min: p.hasMin ? p.min : nil, max: p.hasMax ? p.max : nil)
                }
            }
        case .exponentialHistogram(let histogram):
            return histogram.dataPoints.compactMap { p in
                point(
                    template, temporality: histogram.aggregationTemporality, attributes: p.attributes, start: p.startTimeUnixNano, time: p.timeUnixNano
                ) {
                    MetricHistogram(
                        count: Int64(clamping: p.count), sum: p.hasSum ? p.sum : 0, scale: p.scale, zeroCount: Int64(clamping: p.zeroCount),
                        offset: p.positive.offset, counts: p.positive.bucketCounts.map { Int64(clamping: $0) },
                        min: p.hasMin ? p.min : nil, max: p.hasMax ? p.max : nil)
                }
            }
        case .gauge, .sum, nil:
            return []
        }
    }

    private static func point(
        _ template: MetricPoint, temporality: OTLPAggregationTemporality, attributes: [OTLPKeyValue], start: UInt64, time: UInt64,
        histogram: () -> MetricHistogram
    ) -> Result<MetricPoint, MetricPointRejection>? {
        var point = template
        point.attributes = OTLPKeyValue.attributes(attributes)
        guard GenAIMetricKind(point: point) != nil else { return nil }
        guard time > 0, time <= UInt64(Int64.max), start <= UInt64(Int64.max) else { return .failure(.timestampOutOfRange) }
        guard start <= time else { return .failure(.endsBeforeStart) }
        let isCumulative: Bool
        switch temporality {
        case .cumulative: isCumulative = true
        case .delta: isCumulative = false
        default: return .failure(.unspecifiedTemporality)
        }
        let histogram = histogram()
        guard histogram.count >= 0, histogram.sum.isFinite, histogram.sum >= 0 else { return .failure(.negativeValues) }
        guard histogram.bucketCounts.isEmpty || histogram.hasConsistentBuckets else { return .failure(.inconsistentBuckets) }
        // A point without a start (allowed for deltas) covers an instant.
        point.startNanos = Int64(start == 0 ? time : start)
        point.timeNanos = Int64(time)
        point.isCumulative = isCumulative
        point.histogram = histogram
        return .success(point)
    }
}
