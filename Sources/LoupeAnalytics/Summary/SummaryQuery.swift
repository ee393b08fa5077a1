import LoupeStore

/// Requests, calls and spans (each with errors and latency), tokens and cost over a range, grouped by some dimensions.
public struct SummaryQuery: Sendable, Hashable {
    public var range: TimeRange
    public var groupBy: [TelemetryDimension]
    public var filters: [TelemetryDimension: String]
    /// False when no percentile is needed: latency then reads as empty, and the query is cheaper.
    public var latency: Bool

    public init(
        range: TimeRange, groupBy: [TelemetryDimension] = [], filters: [TelemetryDimension: String] = [:], latency: Bool = true
    ) {
        self.latency = latency
        self.range = range
        self.groupBy = groupBy
        self.filters = filters
    }

    /// Whether requests with a failed call can be counted: they are counted per trace, so only a
    /// view by service (or none) filtered at most by project and service has them.
    public var countsRequestsWithFailedCalls: Bool {
        let perTrace: Set<TelemetryDimension> = [.project, .service]
        return groupBy.allSatisfy { $0 == .service } && Set(filters.keys).isSubset(of: perTrace)
    }

    /// The unit that fits what this query groups and filters by.
    public var unit: CountUnit { CountUnit.fitting(groupBy + filters.keys) }
}
