import LoupeStore

/// Failures over a range, by category and fingerprint, optionally split by other dimensions.
public struct ErrorsQuery: Sendable, Hashable {
    public var range: TimeRange
    public var groupBy: [TelemetryDimension]
    public var filters: [TelemetryDimension: String]
    /// Example traces kept per fingerprint.
    public var examplesPerFingerprint: Int

    public init(
        range: TimeRange, groupBy: [TelemetryDimension] = [], filters: [TelemetryDimension: String] = [:],
        examplesPerFingerprint: Int = 5
    ) {
        self.range = range
        self.groupBy = groupBy
        self.filters = filters
        self.examplesPerFingerprint = examplesPerFingerprint
    }
}
