/// Why one metric data point of a request was not accepted; the rest of the request still is.
public enum MetricPointRejection: String, Error, Sendable, Hashable, CaseIterable {
    case timestampOutOfRange = "a time is missing or negative as a signed 64-bit count of nanoseconds"
    case endsBeforeStart = "the point's time is before its start time"
    case unspecifiedTemporality = "aggregation temporality is unspecified (OTLP requires delta or cumulative)"
    case inconsistentBuckets = "bucket counts do not add up to the count, or do not match the bounds"
    case negativeValues = "a count or sum is negative, or not a finite number"
    case startsInFuture = "point is more than a day in the future"
}
