import Hummingbird
import LoupeAnalytics

/// `GET /api/v1/timeseries`: `points` are `[unix_seconds, value]` pairs, value null where undefined.
struct TimeseriesBody: ResponseEncodable, Sendable {
    struct Series: Encodable, Sendable {
        var key: [String: String]
        var points: [[Double?]]
    }

    var metric: String
    /// What counts, errors and latency are of: requests, calls or spans.
    var unit: String
    var stepSeconds: Int64
    var from: String
    var to: String
    var series: [Series]

    init(_ report: TimeseriesReport) {
        metric = report.query.metric.rawValue
        unit = report.query.unit.rawValue
        stepSeconds = report.query.stepSeconds
        from = Timestamps.format(nanos: report.query.range.fromNanos)
        to = Timestamps.format(nanos: report.query.range.toNanos)
        series = report.series.map { s in Series(key: s.key, points: s.points.map { [Double($0.time), $0.value] }) }
    }

    enum CodingKeys: String, CodingKey {
        case metric, unit, from, to, series
        case stepSeconds = "step_seconds"
    }
}
