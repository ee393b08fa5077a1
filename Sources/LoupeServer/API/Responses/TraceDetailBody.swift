import Hummingbird
import LoupeAnalytics
import LoupeCore

/// `GET /api/v1/traces/{trace_id}`: the span tree and where the time went.
struct TraceDetailBody: ResponseEncodable, Sendable {
    struct Stage: Encodable, Sendable {
        var operation: String
        var ms: Double
        var share: Double
    }

    struct Breakdown: Encodable, Sendable {
        var totalMs: Double
        var unaccountedMs: Double
        var unaccountedShare: Double
        var stages: [Stage]

        enum CodingKeys: String, CodingKey {
            case stages
            case totalMs = "total_ms"
            case unaccountedMs = "unaccounted_ms"
            case unaccountedShare = "unaccounted_share"
        }
    }

    var traceId: String
    var spanCount: Int
    var orphanSpans: Int
    var parentCycles: Int
    var durationMs: Double
    var inputTokens: Int64
    var outputTokens: Int64
    var costUSD: Double?
    var stageBreakdown: Breakdown
    var spans: [SpanNodeBody]
    /// Log records of the trace that belong to no stored span; each span lists its own.
    var logs: [LogRecordBody]

    init(_ detail: TraceDetail) {
        traceId = detail.traceId
        spanCount = detail.spanCount
        orphanSpans = detail.orphanCount
        parentCycles = detail.cycleCount
        durationMs = detail.breakdown.totalMs
        inputTokens = detail.inputTokens
        outputTokens = detail.outputTokens
        costUSD = detail.costUSD
        let total = detail.breakdown.totalMs
        func share(_ ms: Double) -> Double { total > 0 ? ms / total : 0 }
        stageBreakdown = Breakdown(
            totalMs: total, unaccountedMs: detail.breakdown.unaccountedMs,
            unaccountedShare: share(detail.breakdown.unaccountedMs),
            stages: detail.breakdown.byOperation.sorted { $0.value > $1.value }.map {
                Stage(operation: $0.key.rawValue, ms: $0.value, share: share($0.value))
            }
        )
        let traceStart = detail.rows.map(\.span.startNanos).min() ?? 0
        let bySpan = Dictionary(grouping: detail.logs.filter { $0.spanId != nil }, by: { $0.spanId ?? "" })
        spans = detail.rows.map { SpanNodeBody($0, traceStart: traceStart, logs: bySpan[$0.span.spanId] ?? []) }
        logs = detail.traceLogs.map(LogRecordBody.init)
    }

    enum CodingKeys: String, CodingKey {
        case spans, logs
        case traceId = "trace_id"
        case spanCount = "span_count"
        case orphanSpans = "orphan_spans"
        case parentCycles = "parent_cycles"
        case durationMs = "duration_ms"
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case costUSD = "cost_usd"
        case stageBreakdown = "stage_breakdown"
    }
}
