import LoupeStore

/// Anomalies of some metrics in a range, judged against the history before it.
public struct AnomalyQuery: Sendable, Hashable {
    /// The range anomalies are reported in.
    public var range: TimeRange
    public var metrics: [AnomalyMetric]
    /// One series per value of this dimension (its `groupLimit` largest); nil for the totals.
    public var groupBy: TelemetryDimension?
    public var filters: [TelemetryDimension: String]
    /// History read before the range for the baseline: a day or more gives a time-of-day
    /// baseline, two weeks a day-of-week one; less falls back to the points just before.
    public var lookbackSeconds: Int64
    /// Step in seconds; nil picks the finest the rollups and the point limit allow.
    public var stepSeconds: Int64?
    public var groupLimit: Int
    /// Anomalies explained by the dimension values that drove them (the most severe first).
    public var attributionLimit: Int
    /// Whether the answer carries each series with its expected value and band (for charts).
    public var includeSeries: Bool

    public static let defaultLookbackSeconds: Int64 = 3 * 86_400

    public init(
        range: TimeRange, metrics: [AnomalyMetric] = AnomalyMetric.allCases, groupBy: TelemetryDimension? = nil,
        filters: [TelemetryDimension: String] = [:], lookbackSeconds: Int64 = defaultLookbackSeconds, stepSeconds: Int64? = nil,
        groupLimit: Int = 10, attributionLimit: Int = 10, includeSeries: Bool = false
    ) {
        self.range = range
        self.metrics = metrics
        self.groupBy = groupBy
        self.filters = filters
        self.lookbackSeconds = lookbackSeconds
        self.stepSeconds = stepSeconds
        self.groupLimit = groupLimit
        self.attributionLimit = attributionLimit
        self.includeSeries = includeSeries
    }

    /// Counts, errors and latency are of this unit: calls per model or provider, requests in the totals.
    public var unit: CountUnit { CountUnit.fitting((groupBy.map { [$0] } ?? []) + filters.keys) }

    /// The range the rollups are read over: the lookback, then the range.
    public var history: TimeRange { TimeRange(fromNanos: range.fromNanos - lookbackSeconds * 1_000_000_000, toNanos: range.toNanos) }

    /// The step: the one asked for, or the finest multiple of the rollups' resolution whose series
    /// over lookback and range stays within the point limit; ten minutes at least over half a day
    /// or more, which stores keep ten-minute rows for (a day of minutes judged against days of
    /// history would read sixty times the rows for detail no one reads on a day's chart).
    public func step(resolutionMinutes: Int64, maxPoints: Int) -> Int64 {
        if let stepSeconds { return stepSeconds }
        let minutes = max(1, history.toMinute - history.fromMinute)
        var step = resolutionMinutes
        if range.toNanos - range.fromNanos >= Self.tenMinuteStepsFrom * 1_000_000_000 {
            step = (max(step, 10) + 9) / 10 * 10
        }
        while minutes / step > Int64(maxPoints) { step += resolutionMinutes }
        return step * 60
    }

    /// Whether only the history the baselines use is read (``AnomalyReadPlan``); false reads all
    /// of the lookback. The answers are the same; the switch exists to check that they are.
    public var readsBaselineWindowsOnly = true

    /// Ranges this long or longer are judged in steps of ten minutes or more.
    public static let tenMinuteStepsFrom: Int64 = 12 * 3_600
}
