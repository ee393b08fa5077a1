import LoupeStore

/// Requests, errors, tokens, cost and latency over a range, grouped by some dimensions.
public struct SummaryQuery: Sendable, Hashable {
    public var range: TimeRange
    public var groupBy: [TelemetryDimension]
    public var filters: [TelemetryDimension: String]

    public init(range: TimeRange, groupBy: [TelemetryDimension] = [], filters: [TelemetryDimension: String] = [:]) {
        self.range = range
        self.groupBy = groupBy
        self.filters = filters
    }
}
