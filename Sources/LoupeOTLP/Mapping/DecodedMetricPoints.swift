import LoupeCore

/// The histogram points of one metrics request that can be read, and a count of those that cannot,
/// by reason. Sums, gauges and summaries are neither: they are accepted and left aside.
public struct DecodedMetricPoints: DecodedItems, Sendable {
    public var points: [MetricPoint]
    public var rejected: [MetricPointRejection: Int]

    public init(points: [MetricPoint] = [], rejected: [MetricPointRejection: Int] = [:]) {
        self.points = points
        self.rejected = rejected
    }

    public static let itemName = "data point"
    public static let tooFarAhead = MetricPointRejection.startsInFuture
    public static func time(of point: MetricPoint) -> Int64 { point.timeNanos }

    public var items: [MetricPoint] {
        get { points }
        _modify { yield &points }
    }
}
