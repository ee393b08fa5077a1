import LoupeAnalytics
import LoupeCore

/// One span of a trace, with its place in the tree: spans come depth-first, so `depth` and
/// `parent_span_id` rebuild the tree without the answer nesting as deep as the trace.
struct SpanNodeBody: Encodable, Sendable {
    struct Tokens: Encodable, Sendable {
        var input: Int64?
        var output: Int64?
        var cacheRead: Int64?
        var cacheWrite: Int64?
        var reasoning: Int64?
        var total: Int64?
        var counted: Bool

        enum CodingKeys: String, CodingKey {
            case input, output, reasoning, total, counted
            case cacheRead = "cache_read"
            case cacheWrite = "cache_write"
        }
    }

    struct Failure: Encodable, Sendable {
        var type: String?
        var message: String?
        var category: String?
    }

    struct Event: Encodable, Sendable {
        var name: String
        var time: String
        var attributes: [String: AttributeValue]
    }

    var spanId: String
    var parentSpanId: String?
    var name: String
    var operation: String
    var service: String
    var start: String
    var offsetMs: Double
    var durationMs: Double
    var status: String
    var error: Failure?
    var provider: String?
    var model: String?
    var responseModel: String?
    var tokens: Tokens
    var costUSD: Double?
    var timeToFirstTokenMs: Double?
    var finishReason: String?
    var user: String?
    var session: String?
    var dimensions: [String: String]
    var attributes: [String: AttributeValue]
    var events: [Event]
    /// The span's log records (GenAI events sent as logs); nil when it has none.
    var logs: [LogRecordBody]?
    var depth: Int
    var childCount: Int
    /// True when the span names a parent that was never received: it is shown as a root.
    var orphan: Bool?
    /// True when the span's ancestors lead back to itself: the cycle is broken here, as a root.
    var cycle: Bool?

    init(_ row: TraceDetail.Row, traceStart: Int64, logs: [LogRecord] = []) {
        let s = row.span
        spanId = s.spanId
        parentSpanId = s.parentSpanId
        name = s.name
        operation = s.operation.rawValue
        service = s.service
        start = Timestamps.format(nanos: s.startNanos)
        offsetMs = Double(s.startNanos - traceStart) / 1_000_000
        durationMs = s.durationMs
        status = s.isError ? "error" : "ok"
        error = s.isError ? Failure(type: s.errorType, message: s.errorMessage, category: s.errorCategory) : nil
        provider = s.provider
        model = s.requestModel
        responseModel = s.responseModel
        tokens = Tokens(
            input: s.usage.input, output: s.usage.output, cacheRead: s.usage.cacheRead, cacheWrite: s.usage.cacheWrite,
            reasoning: s.usage.reasoning, total: s.usage.total, counted: s.countsUsage
        )
        costUSD = s.costUSD
        timeToFirstTokenMs = s.timeToFirstTokenMs
        finishReason = s.finishReason
        user = s.userId
        session = s.sessionId
        dimensions = s.dimensions
        attributes = s.attributes
        events = s.events.map { Event(name: $0.name, time: Timestamps.format(nanos: $0.timeNanos), attributes: $0.attributes) }
        self.logs = logs.isEmpty ? nil : logs.map(LogRecordBody.init)
        depth = row.place.depth
        childCount = row.place.childCount
        orphan = row.place.orphan ? true : nil
        cycle = row.place.cycleBroken ? true : nil
    }

    enum CodingKeys: String, CodingKey {
        case name, operation, service, start, status, error, provider, model, tokens, user, session, dimensions
        case attributes, events, logs, depth, orphan, cycle
        case childCount = "child_count"
        case spanId = "span_id"
        case parentSpanId = "parent_span_id"
        case offsetMs = "offset_ms"
        case durationMs = "duration_ms"
        case responseModel = "response_model"
        case costUSD = "cost_usd"
        case timeToFirstTokenMs = "time_to_first_token_ms"
        case finishReason = "finish_reason"
    }
}
