import LoupeStore

/// The next `horizonSeconds` of a metric per hour or per day, learnt from the history before now.
public struct ForecastQuery: Sendable, Hashable {
    public var metric: ForecastMetric
    public var horizonSeconds: Int64
    /// 3,600 (hourly) or 86,400 (daily).
    public var stepSeconds: Int64
    public var groupBy: TelemetryDimension?
    public var filters: [TelemetryDimension: String]
    /// History learnt from: four weeks by default, so a weekly cycle is seen twice and more.
    public var lookbackSeconds: Int64
    /// Series forecast at most when grouped: the largest over the history.
    public var groupLimit: Int
    /// Unix nanoseconds: the forecast starts at the last whole step before it.
    public var nowNanos: Int64

    public static let defaultLookbackSeconds: Int64 = 28 * 86_400

    public init(
        metric: ForecastMetric, horizonSeconds: Int64, stepSeconds: Int64 = 3_600, groupBy: TelemetryDimension? = nil,
        filters: [TelemetryDimension: String] = [:], lookbackSeconds: Int64 = defaultLookbackSeconds, groupLimit: Int = 10, nowNanos: Int64
    ) {
        self.metric = metric
        self.horizonSeconds = horizonSeconds
        self.stepSeconds = stepSeconds
        self.groupBy = groupBy
        self.filters = filters
        self.lookbackSeconds = lookbackSeconds
        self.groupLimit = groupLimit
        self.nowNanos = nowNanos
    }

    /// The step a forecast of `horizonSeconds` is made in: `step` ("1h" or "1d") when given, else
    /// hourly up to 14 days ahead and daily beyond; nil for any other step.
    public static func stepSeconds(_ step: String?, horizonSeconds: Int64) -> Int64? {
        switch step {
        case nil: return horizonSeconds > 14 * 86_400 ? 86_400 : 3_600
        case "1h": return 3_600
        case "1d": return 86_400
        default: return nil
        }
    }

    /// Steps ahead.
    public var horizonSteps: Int { Int((horizonSeconds + stepSeconds - 1) / stepSeconds) }

    /// Seasonal periods tried in order, in steps: a week, else a day, for hourly series; a week
    /// for daily ones.
    public var periods: [Int] { stepSeconds >= 86_400 ? [7] : [Int(7 * 86_400 / stepSeconds), Int(86_400 / stepSeconds)] }

    /// The whole steps of history, ending at the last step boundary before now.
    public var history: TimeRange {
        let step = stepSeconds * 1_000_000_000
        let end = nowNanos / step * step
        return TimeRange(fromNanos: end - lookbackSeconds / stepSeconds * step, toNanos: end)
    }
}
