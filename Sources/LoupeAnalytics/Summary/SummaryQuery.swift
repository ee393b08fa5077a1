import LoupeStore

/// Requests, calls and spans (each with errors and latency), tokens and cost over a range, grouped by some dimensions.
public struct SummaryQuery: Sendable, Hashable {
    public var range: TimeRange
    public var groupBy: [TelemetryDimension]
    public var filters: [TelemetryDimension: String]

    public init(range: TimeRange, groupBy: [TelemetryDimension] = [], filters: [TelemetryDimension: String] = [:]) {
        self.range = range
        self.groupBy = groupBy
        self.filters = filters
    }

    /// The unit that fits what this query groups and filters by.
    public var unit: CountUnit { CountUnit.fitting(groupBy + filters.keys) }
}
