import GRDB
import LoupeCore
import LoupeStore

extension SpanRecord {
    /// Each column's position in a row selected with ``SpanColumns``: reading by position skips
    /// GRDB's search of a row's columns by name, which for ~37 columns dominated reading
    /// thousands of spans.
    private static let position = Dictionary(uniqueKeysWithValues: SpanColumns.names.enumerated().map { ($1, $0) })
    /// `resource` follows the span columns in every read.
    private static let resourcePosition = SpanColumns.names.count

    /// Reads a row selected with ``SpanColumns/selectList`` (or ``SpanColumns/selection(withContent:)``)
    /// followed by the resource's attributes.
    init(row: Row) {
        func v<T: DatabaseValueConvertible>(_ name: String) -> T { row[Self.position[name]!] }
        func o<T: DatabaseValueConvertible>(_ name: String) -> T? { row[Self.position[name]!] }
        func packed(_ name: String) -> String? { PackedText.text(row[Self.position[name]!]) }
        self.init(
            traceId: v("trace_id"), spanId: v("span_id"), parentSpanId: o("parent_span_id"),
            project: v("project"), service: v("service"), name: v("name"),
            operation: OperationKind(rawValue: v("operation")) ?? .stage,
            spanKind: SpanKind(rawValue: v("span_kind")) ?? .unspecified, role: SpanRole(rawValue: v("role")),
            startNanos: v("start_ns"), endNanos: v("end_ns"), status: SpanStatus(rawValue: v("status")) ?? .unset,
            errorType: o("error_type"), errorMessage: o("error_message"), errorCategory: o("error_category"),
            errorFingerprint: o("error_fingerprint"),
            provider: o("provider"), requestModel: o("request_model"), responseModel: o("response_model"),
            usage: TokenUsage(
                input: o("input_tokens"), output: o("output_tokens"), cacheRead: o("cache_read_tokens"),
                cacheWrite: o("cache_write_tokens"), reasoning: o("reasoning_tokens"), total: o("total_tokens")
            ),
            countsUsage: v("counts_usage"), costUSD: o("cost_usd"), timeToFirstTokenMs: o("ttft_ms"),
            finishReason: o("finish_reason"), responseId: o("response_id"), userId: o("user_id"), sessionId: o("session_id"),
            dimensions: StoredJSON.dimensions(o("dimensions")), attributes: StoredJSON.attributes(packed("attributes")),
            resourceAttributes: StoredJSON.attributes(row[Self.resourcePosition]), events: StoredJSON.events(packed("events"))
        )
    }
}
