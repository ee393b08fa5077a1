import LoupeCore

/// Failures in a range counted once each, at their root cause, and grouped by failure mode: what
/// the errors page, the overview and alert rules read, as one aggregate rather than every failed span.
///
/// A failed span is a root cause unless one of its own children failed too (a failure that
/// propagates up a trace fails every span on its way, and is one failure).
public struct FailureModeQuery: Sendable, Hashable {
    public var fromNanos: Int64
    public var toNanos: Int64
    /// Filters on built-in dimensions (``TelemetryDimension/builtIn``).
    public var filters: [TelemetryDimension: String]
    /// Built-in dimensions each row is also keyed by.
    public var groupBy: [TelemetryDimension]
    /// The most recent traces kept per fingerprint.
    public var examplesPerFingerprint: Int
    /// Equal buckets the range is cut into for each fingerprint's trend; 0 for no trend.
    public var trendBuckets: Int
    /// Whether rows are also keyed by where failures happened (model, operation, service, user); a
    /// ranking of failure modes alone is several times cheaper without.
    public var byPlace: Bool

    public init(
        fromNanos: Int64, toNanos: Int64, filters: [TelemetryDimension: String] = [:], groupBy: [TelemetryDimension] = [],
        examplesPerFingerprint: Int = 5, trendBuckets: Int = 0, byPlace: Bool = true
    ) {
        self.byPlace = byPlace
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.filters = filters
        self.groupBy = groupBy
        self.examplesPerFingerprint = examplesPerFingerprint
        self.trendBuckets = trendBuckets
    }

    /// Whether every filter and group-by is a built-in dimension, which every store answers.
    public var isSupported: Bool {
        filters.keys.allSatisfy(\.isBuiltIn) && groupBy.allSatisfy(\.isBuiltIn)
    }

    /// Nanoseconds one trend bucket spans (the last one may be shorter).
    public var trendBucketNanos: Int64 {
        guard trendBuckets > 0 else { return max(toNanos - fromNanos, 1) }
        let width = toNanos - fromNanos
        return max(1, width / Int64(trendBuckets) + (width % Int64(trendBuckets) == 0 ? 0 : 1))
    }

    /// The trend bucket a failure that started at `nanos` falls in.
    public func trendBucket(ofNanos nanos: Int64) -> Int {
        min(max(trendBuckets - 1, 0), Int((nanos - fromNanos) / trendBucketNanos))
    }

    /// Whether a failed span lies in the range and matches the filters.
    public func matches(_ span: SpanRecord) -> Bool {
        span.isError && span.startNanos >= fromNanos && span.startNanos < toNanos
            && filters.allSatisfy { span.value(of: $0.key) == $0.value }
    }
}
