import Hummingbird
import LoupeStore

/// `GET /api/v1/traces`.
struct TraceListBody: ResponseEncodable, Sendable {
    struct Item: Encodable, Sendable {
        var traceId: String
        var rootName: String?
        var project: String
        var service: String
        var start: String
        var durationMs: Double
        var status: String
        var spanCount: Int64
        var errorCount: Int64
        var inputTokens: Int64
        var outputTokens: Int64
        var costUSD: Double
        var user: String?
        var session: String?

        enum CodingKeys: String, CodingKey {
            case project, service, start, status, user, session
            case traceId = "trace_id"
            case rootName = "root_name"
            case durationMs = "duration_ms"
            case spanCount = "span_count"
            case errorCount = "error_count"
            case inputTokens = "input_tokens"
            case outputTokens = "output_tokens"
            case costUSD = "cost_usd"
        }
    }

    var traces: [Item]

    init(_ traces: [TraceSummary]) {
        self.traces = traces.map { t in
            Item(
                traceId: t.traceId, rootName: t.rootName, project: t.project, service: t.service,
                start: Timestamps.format(nanos: t.startNanos), durationMs: t.durationMs,
                status: t.errorCount > 0 ? "error" : "ok", spanCount: t.spanCount, errorCount: t.errorCount,
                inputTokens: t.inputTokens, outputTokens: t.outputTokens, costUSD: t.costUSD, user: t.userId,
                session: t.sessionId
            )
        }
    }
}
