import LoupeCore

/// Forecasts of one metric, per series, each with its method and backtest error.
public struct ForecastReport: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        /// Unix seconds of the step's start.
        public var time: Int64
        public var mean: Double
        /// The 95% prediction interval, never below zero.
        public var lower: Double
        public var upper: Double
    }

    public struct Series: Sendable, Hashable {
        /// The series' group (empty for the totals).
        public var key: [String: String]
        /// The history it was fitted on, one value per step, ending where the forecast starts.
        public var history: [Double]
        public var historySteps: Int { history.count }
        public var historyTotal: Double { history.reduce(0, +) }
        /// Nil with less history than two of the shortest seasonal period.
        public var forecast: Forecast?
        public var points: [Point]
        /// The forecast means over the horizon, summed.
        public var horizonTotal: Double?
    }

    public var query: ForecastQuery
    public var unit: CountUnit
    public var series: [Series]
}
