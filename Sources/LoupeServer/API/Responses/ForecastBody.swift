import Hummingbird
import LoupeAnalytics
import LoupeCore

/// `GET /api/v1/forecast`: per series, the forecast per step with its 95% interval, the method,
/// and its error on the most recent history it was not fitted to.
struct ForecastBody: ResponseEncodable, Sendable {
    struct Point: Encodable, Sendable {
        var time: String
        var mean: Double
        var lower: Double
        var upper: Double
    }

    struct Series: Encodable, Sendable {
        var key: [String: String]
        var historySteps: Int
        var historyTotal: Double
        var method: String?
        var backtestMAPE: Double?
        var backtestSteps: Int
        var horizonTotal: Double?
        var points: [Point]
        var note: String?

        enum CodingKeys: String, CodingKey {
            case key, method, points, note
            case historySteps = "history_steps"
            case historyTotal = "history_total"
            case backtestMAPE = "backtest_mape"
            case backtestSteps = "backtest_steps"
            case horizonTotal = "horizon_total"
        }
    }

    var metric: String
    var unit: String
    var stepSeconds: Int64
    var horizonSeconds: Int64
    var from: String
    var series: [Series]

    init(_ report: ForecastReport) {
        let query = report.query
        metric = query.metric.rawValue
        unit = report.unit.rawValue
        stepSeconds = query.stepSeconds
        horizonSeconds = query.horizonSeconds
        from = Timestamps.format(nanos: query.history.toNanos)
        let shortest = query.periods.min() ?? 1
        series = report.series.map { s in
            Series(
                key: s.key, historySteps: s.historySteps, historyTotal: s.historyTotal, method: s.forecast?.method,
                backtestMAPE: s.forecast?.backtestMAPE, backtestSteps: s.forecast?.backtestPoints ?? 0, horizonTotal: s.horizonTotal,
                points: s.points.map { Point(time: Timestamps.format(nanos: $0.time * 1_000_000_000), mean: $0.mean, lower: $0.lower, upper: $0.upper) },
                note: s.forecast == nil ? "\(s.historySteps) steps of history; a forecast needs \(2 * shortest) (two seasonal cycles)" : nil
            )
        }
    }

    enum CodingKeys: String, CodingKey {
        case metric, unit, from, series
        case stepSeconds = "step_seconds"
        case horizonSeconds = "horizon_seconds"
    }
}
