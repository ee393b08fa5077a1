/// Series of (step start, value) points; every step of the range is present, nil where undefined.
public struct TimeseriesReport: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        /// Unix seconds of the step's start.
        public var time: Int64
        public var value: Double?
    }

    public struct Series: Sendable, Hashable {
        public var key: [String: String]
        public var points: [Point]
    }

    public var query: TimeseriesQuery
    public var series: [Series]
}
