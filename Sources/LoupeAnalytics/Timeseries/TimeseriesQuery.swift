import LoupeStore

/// One metric over a range in fixed steps, optionally one series per group.
public struct TimeseriesQuery: Sendable, Hashable {
    public var range: TimeRange
    /// Step in seconds; a multiple of 60, since rollups are per minute.
    public var stepSeconds: Int64
    public var metric: TimeseriesMetric
    public var groupBy: [TelemetryDimension]
    public var filters: [TelemetryDimension: String]
    /// What counts, errors and latency are of; nil picks the unit that fits the grouping (``CountUnit/fitting(_:)``).
    public var requestedUnit: CountUnit?

    public init(
        range: TimeRange, stepSeconds: Int64 = 60, metric: TimeseriesMetric, groupBy: [TelemetryDimension] = [],
        filters: [TelemetryDimension: String] = [:], unit: CountUnit? = nil
    ) {
        self.range = range
        self.stepSeconds = stepSeconds
        self.metric = metric
        self.groupBy = groupBy
        self.filters = filters
        self.requestedUnit = unit
    }

    public var unit: CountUnit { requestedUnit ?? CountUnit.fitting(groupBy + filters.keys) }
}
