import LoupeCore

/// The anomalies of a range, ongoing first and then the most severe, and (when asked) each
/// series with what was expected of it.
public struct AnomalyReport: Sendable, Hashable {
    /// One series over the range: observed, expected and the band beyond which a step is anomalous.
    public struct Series: Sendable, Hashable {
        public struct Point: Sendable, Hashable {
            /// Unix seconds of the step's start.
            public var time: Int64
            public var value: Double?
            public var expected: Double?
            public var lower: Double?
            public var upper: Double?
        }

        public var metric: AnomalyMetric
        public var key: [String: String]
        public var points: [Point]
    }

    public var query: AnomalyQuery
    public var unit: CountUnit
    public var stepSeconds: Int64
    public var anomalies: [Anomaly]
    public var series: [Series]
    /// The baseline the newest judged step of the first series had (the totals unless grouped):
    /// seasonal needs a day of history.
    public var baseline: RobustBaseline.Kind?
    /// Minutes of data the baseline could learn from: from the first stored step to the last
    /// complete one (at most the lookback and the range).
    public var historyMinutes: Int64
}
