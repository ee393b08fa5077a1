import LoupeStore

/// Failures over a range, by category and fingerprint, optionally split by other dimensions.
public struct ErrorsQuery: Sendable, Hashable {
    public var range: TimeRange
    public var groupBy: [TelemetryDimension]
    public var filters: [TelemetryDimension: String]
    /// Example traces kept per fingerprint.
    public var examplesPerFingerprint: Int
    /// Equal slices of the range each fingerprint's trend is counted in; 0 for none.
    public var trendBuckets: Int
    /// Whether each failure mode says where it happened (models, operations, services, users).
    public var byPlace: Bool

    public init(
        range: TimeRange, groupBy: [TelemetryDimension] = [], filters: [TelemetryDimension: String] = [:],
        examplesPerFingerprint: Int = 5, trendBuckets: Int = 0, byPlace: Bool = true
    ) {
        self.byPlace = byPlace
        self.trendBuckets = trendBuckets
        self.range = range
        self.groupBy = groupBy
        self.filters = filters
        self.examplesPerFingerprint = examplesPerFingerprint
    }
}
