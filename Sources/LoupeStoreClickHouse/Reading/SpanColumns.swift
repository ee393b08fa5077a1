import LoupeCore
import LoupeStore

/// The columns a span is read back from, and the reading.
enum SpanColumns {
    static let names = [
        "project", "trace_id", "span_id", "parent_span_id", "service", "name", "operation", "span_kind", "role", "start_ns", "end_ns",
        "status", "error_type", "error_message", "error_category", "error_fingerprint", "provider", "request_model", "response_model",
        "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens", "total_tokens", "counts_usage",
        "cost_usd", "ttft_ms", "finish_reason", "response_id", "user_id", "session_id", "dimensions",
    ]

    /// The select list; without content, attributes and events are not read at all, and without
    /// `resource` neither are the resource's attributes (most of a span's bytes after its content).
    static func selection(withContent: Bool, resource: Bool = true) -> String {
        (names + [resource ? "resource" : "'{}' AS resource"] + (withContent ? ["attributes", "events"] : ["'{}' AS attributes", "'[]' AS events"]))
            .joined(separator: ", ")
    }

    /// Whole spans, one copy each (see ``ClickHouseSchema/spans``), in the order every store reads them.
    static func select(where condition: String, withContent: Bool = true, resource: Bool = true) -> String {
        """
        SELECT \(selection(withContent: withContent, resource: resource)) FROM spans WHERE \(condition)
        ORDER BY trace_id, start_ns, span_id LIMIT 1 BY trace_id, span_id
        """
    }

    static func span(_ row: ClickHouseRow) -> SpanRecord {
        SpanRecord(
            traceId: row.string("trace_id") ?? "", spanId: row.string("span_id") ?? "", parentSpanId: row.string("parent_span_id"),
            project: row.string("project") ?? "", service: row.string("service") ?? "", name: row.string("name") ?? "",
            operation: OperationKind(rawValue: row.string("operation") ?? "") ?? .stage,
            spanKind: SpanKind(rawValue: Int(row.int("span_kind") ?? 0)) ?? .unspecified, role: SpanRole(rawValue: Int(row.int("role") ?? 0)),
            startNanos: row.int("start_ns") ?? 0, endNanos: row.int("end_ns") ?? 0,
            status: SpanStatus(rawValue: row.string("status") ?? "") ?? .unset,
            errorType: row.string("error_type"), errorMessage: row.string("error_message"), errorCategory: row.string("error_category"),
            errorFingerprint: row.string("error_fingerprint"), provider: row.string("provider"),
            requestModel: row.string("request_model"), responseModel: row.string("response_model"),
            usage: TokenUsage(
                input: row.int("input_tokens"), output: row.int("output_tokens"), cacheRead: row.int("cache_read_tokens"),
                cacheWrite: row.int("cache_write_tokens"), reasoning: row.int("reasoning_tokens"), total: row.int("total_tokens")
            ),
            countsUsage: row.bool("counts_usage"), costUSD: row.double("cost_usd"), timeToFirstTokenMs: row.double("ttft_ms"),
            finishReason: row.string("finish_reason"), responseId: row.string("response_id"), userId: row.string("user_id"),
            sessionId: row.string("session_id"), dimensions: StoredJSON.dimensions(row.string("dimensions")),
            attributes: StoredJSON.attributes(row.string("attributes")), resourceAttributes: StoredJSON.attributes(row.string("resource")),
            events: StoredJSON.events(row.string("events"))
        )
    }
}
