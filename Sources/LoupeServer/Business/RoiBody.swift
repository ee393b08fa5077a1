import Hummingbird
import LoupeAnalytics

/// What `GET /api/v1/roi` answers: value against cost by business unit, in total and over time.
struct RoiBody: ResponseEncodable, Sendable {
    struct Line: Encodable, Sendable {
        var unit: String
        var requests, successful, failed, negativeFeedback: Int
        var successRate: Nullable<Double>
        var costUSD: Double
        var valueUSD, netUSD, roi, costPerSuccessUSD, minutesSaved: Nullable<Double>

        enum CodingKeys: String, CodingKey {
            case unit, requests, successful, failed, roi
            case negativeFeedback = "negative_feedback", successRate = "success_rate", costUSD = "cost_usd", valueUSD = "value_usd"
            case netUSD = "net_usd", costPerSuccessUSD = "cost_per_success_usd", minutesSaved = "minutes_saved"
        }

        init(_ l: RoiLine, unit: String) {
            self.unit = unit
            (requests, successful, failed, negativeFeedback) = (l.requests, l.successful, l.failed, l.negativeFeedback)
            successRate = Nullable(l.successRate)
            costUSD = l.costUSD
            valueUSD = Nullable(l.valueUSD)
            netUSD = Nullable(l.netUSD)
            roi = Nullable(l.roi)
            costPerSuccessUSD = Nullable(l.costPerSuccessUSD)
            minutesSaved = Nullable(l.minutesSaved)
        }
    }

    var from: String
    var to: String
    var by: String
    var stepSeconds: Int64
    var units: [Line]
    var total: Line
    var overTime: [Line]
    var unpricedCalls: Int64
    var valuesConfigured: Bool

    enum CodingKeys: String, CodingKey {
        case from, to, by, units, total
        case stepSeconds = "step_seconds", overTime = "over_time", unpricedCalls = "unpriced_calls", valuesConfigured = "values_configured"
    }

    init(_ r: RoiReport) {
        from = Timestamps.format(nanos: r.range.fromNanos)
        to = Timestamps.format(nanos: r.range.toNanos)
        by = r.values.by
        stepSeconds = r.stepSeconds
        units = r.units.map { Line($0, unit: $0.unit) }
        total = Line(r.total, unit: "total")
        // Each step's line names its start as a time.
        overTime = r.overTime.map { Line($0, unit: Timestamps.format(nanos: (Int64($0.unit) ?? 0) * 60_000_000_000)) }
        unpricedCalls = r.unpricedCalls
        valuesConfigured = r.total.valueUSD != nil
    }
}
