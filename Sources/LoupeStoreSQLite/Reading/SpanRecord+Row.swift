import GRDB
import LoupeCore

extension SpanRecord {
    /// Reads a row selected with ``SpanColumns/selectList`` plus `resources.attributes AS resource`.
    init(row: Row) {
        self.init(
            traceId: row["trace_id"], spanId: row["span_id"], parentSpanId: row["parent_span_id"],
            project: row["project"], service: row["service"], name: row["name"],
            operation: OperationKind(rawValue: row["operation"]) ?? .stage,
            spanKind: SpanKind(rawValue: row["span_kind"]) ?? .unspecified, role: SpanRole(rawValue: row["role"]),
            startNanos: row["start_ns"], endNanos: row["end_ns"], status: SpanStatus(rawValue: row["status"]) ?? .unset,
            errorType: row["error_type"], errorMessage: row["error_message"], errorCategory: row["error_category"],
            errorFingerprint: row["error_fingerprint"],
            provider: row["provider"], requestModel: row["request_model"], responseModel: row["response_model"],
            usage: TokenUsage(
                input: row["input_tokens"], output: row["output_tokens"], cacheRead: row["cache_read_tokens"],
                cacheWrite: row["cache_write_tokens"], reasoning: row["reasoning_tokens"], total: row["total_tokens"]
            ),
            countsUsage: row["counts_usage"], costUSD: row["cost_usd"], timeToFirstTokenMs: row["ttft_ms"],
            finishReason: row["finish_reason"], responseId: row["response_id"], userId: row["user_id"], sessionId: row["session_id"],
            dimensions: StoredJSON.dimensions(row["dimensions"]), attributes: StoredJSON.attributes(row["attributes"]),
            resourceAttributes: StoredJSON.attributes(row["resource"]), events: StoredJSON.events(row["events"])
        )
    }
}
