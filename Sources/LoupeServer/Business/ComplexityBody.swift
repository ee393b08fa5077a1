import Hummingbird
import LoupeAnalytics
import LoupeCore

/// What `GET /api/v1/complexity` answers: per-request work step by step, overall, and its trend.
struct ComplexityBody: ResponseEncodable, Sendable {
    struct Point: Encodable, Sendable {
        var time: String
        var requests: Int64
        var llmCalls: Double
        var toolCalls: Double
        var retrievals: Double
        var inputTokens: Double
        var score: Double

        enum CodingKeys: String, CodingKey {
            case time, requests, retrievals, score
            case llmCalls = "llm_calls", toolCalls = "tool_calls", inputTokens = "input_tokens"
        }

        init(_ p: ComplexityPoint) {
            time = Timestamps.format(nanos: p.minute * 60_000_000_000)
            requests = p.requests
            llmCalls = p.llmCalls
            toolCalls = p.toolCalls
            retrievals = p.retrievals
            inputTokens = p.inputTokens
            score = p.score
        }
    }

    struct Trend: Encodable, Sendable {
        var slopePerDay: Double
        var pValue: Double
        var relativeChange: Nullable<Double>

        enum CodingKeys: String, CodingKey { case slopePerDay = "slope_per_day", pValue = "p_value", relativeChange = "relative_change" }
    }

    var from: String
    var to: String
    var stepSeconds: Int64
    var score: String
    var overall: Nullable<Point>
    var trend: Nullable<Trend>
    var points: [Point]

    enum CodingKeys: String, CodingKey {
        case from, to, score, overall, trend, points
        case stepSeconds = "step_seconds"
    }

    init(_ r: ComplexityReport) {
        from = Timestamps.format(nanos: r.range.fromNanos)
        to = Timestamps.format(nanos: r.range.toNanos)
        stepSeconds = r.stepSeconds
        score = "llm_calls + tool_calls + retrievals + input_tokens / 1000, per request"
        overall = Nullable(r.overall.map(Point.init))
        trend = Nullable(r.trend.map { Trend(slopePerDay: $0.slope, pValue: $0.pValue, relativeChange: Nullable(r.relativeChange)) })
        points = r.points.map(Point.init)
    }
}
