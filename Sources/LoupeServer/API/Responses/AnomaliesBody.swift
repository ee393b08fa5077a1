import Hummingbird
import LoupeAnalytics
import LoupeCore

/// `GET /api/v1/anomalies`: the anomalies of a range, each with its sentence and attribution,
/// and (with `series=true`) every series with its expected value and band for charts.
struct AnomaliesBody: ResponseEncodable, Sendable {
    struct Share: Encodable, Sendable {
        var key: [String: String]
        var share: Double
        var baselineShare: Double
        var duringPerMinute: Double
        var beforePerMinute: Double

        enum CodingKeys: String, CodingKey {
            case key, share
            case baselineShare = "baseline_share"
            case duringPerMinute = "during_per_minute"
            case beforePerMinute = "before_per_minute"
        }
    }

    struct Item: Encodable, Sendable {
        var metric: String
        var key: [String: String]
        var start: String
        var end: String
        var direction: String
        var observed: Double
        var expected: Double
        var lower: Double
        var upper: Double
        var change: Double?
        var severity: Double
        var confidence: Double
        var baseline: String
        var ongoing: Bool
        var summary: String
        var attribution: [Share]
    }

    struct Point: Encodable, Sendable {
        var time: String
        var value: Double?
        var expected: Double?
        var lower: Double?
        var upper: Double?
    }

    struct Series: Encodable, Sendable {
        var metric: String
        var key: [String: String]
        var points: [Point]
    }

    var from: String
    var to: String
    var unit: String
    var stepSeconds: Int64
    var baseline: String?
    var historyMinutes: Int64
    var anomalies: [Item]
    var series: [Series]?

    init(_ report: AnomalyReport) {
        func time(_ unixSeconds: Int64) -> String { Timestamps.format(nanos: unixSeconds * 1_000_000_000) }
        from = Timestamps.format(nanos: report.query.range.fromNanos)
        to = Timestamps.format(nanos: report.query.range.toNanos)
        unit = report.unit.rawValue
        stepSeconds = report.stepSeconds
        baseline = report.baseline?.rawValue
        historyMinutes = report.historyMinutes
        anomalies = report.anomalies.map { a in
            Item(
                metric: a.metric.rawValue, key: a.key, start: time(a.start), end: time(a.end), direction: a.direction.rawValue,
                observed: a.observed, expected: a.expected, lower: a.lower, upper: a.upper, change: a.change, severity: a.severity,
                confidence: a.confidence, baseline: a.baseline.rawValue, ongoing: a.ongoing, summary: a.sentence(unit: report.unit),
                attribution: a.attribution.map {
                    Share(key: $0.key, share: $0.share, baselineShare: $0.baselineShare, duringPerMinute: $0.during, beforePerMinute: $0.before)
                }
            )
        }
        series = report.query.includeSeries ? report.series.map { s in
            Series(metric: s.metric.rawValue, key: s.key, points: s.points.map {
                Point(time: time($0.time), value: $0.value, expected: $0.expected, lower: $0.lower, upper: $0.upper)
            })
        } : nil
    }

    enum CodingKeys: String, CodingKey {
        case from, to, unit, baseline, anomalies, series
        case stepSeconds = "step_seconds"
        case historyMinutes = "history_minutes"
    }
}
