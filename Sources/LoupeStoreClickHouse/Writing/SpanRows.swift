import LoupeCore
import LoupeStore

/// Spans as rows of the `spans` table, with the values their rollup rows and trace summary need.
enum SpanRows {
    /// `firstArrival` orders spans by arrival, for the trace summary's "first span to name it" fields.
    /// `texts` are the spans' own (``SpanText``), in the same order.
    static func encode(_ spans: [SpanRecord], texts: [SpanText], firstArrival: Int64) -> JSONEachRowWriter {
        var rows = JSONEachRowWriter()
        for (index, (span, text)) in zip(spans, texts).enumerated() {
            rows.beginRow()
            rows.field("project", span.project)
            rows.field("trace_id", span.traceId)
            rows.field("span_id", span.spanId)
            rows.field("parent_span_id", span.parentSpanId)
            rows.field("service", span.service)
            rows.field("name", span.name)
            rows.field("operation", span.operation.rawValue)
            rows.field("span_kind", Int64(span.spanKind.rawValue))
            rows.field("role", Int64(span.role.rawValue))
            rows.field("start_ns", span.startNanos)
            rows.field("end_ns", span.endNanos)
            rows.field("status", span.status.rawValue)
            rows.field("error_type", span.errorType)
            rows.field("error_message", span.errorMessage)
            rows.field("error_category", span.errorCategory)
            rows.field("error_fingerprint", span.errorFingerprint)
            rows.field("provider", span.provider)
            rows.field("request_model", span.requestModel)
            rows.field("response_model", span.responseModel)
            rows.field("input_tokens", span.usage.input)
            rows.field("output_tokens", span.usage.output)
            rows.field("cache_read_tokens", span.usage.cacheRead)
            rows.field("cache_write_tokens", span.usage.cacheWrite)
            rows.field("reasoning_tokens", span.usage.reasoning)
            rows.field("total_tokens", span.usage.total)
            rows.field("counts_usage", span.countsUsage)
            rows.field("cost_usd", span.costUSD)
            rows.field("ttft_ms", span.timeToFirstTokenMs)
            rows.field("finish_reason", span.finishReason)
            rows.field("response_id", span.responseId)
            rows.field("user_id", span.userId)
            rows.field("session_id", span.sessionId)
            rows.field("dimensions", text.dimensions)
            rows.field("attributes", text.attributes)
            rows.field("resource", text.resource)
            rows.field("events", text.events)
            rows.field("arrival", firstArrival &+ Int64(index))
            derived(span, into: &rows)
            rows.endRow()
        }
        return rows
    }

    /// What the rollup views and trace reads add up: the same keys and measures as
    /// ``RollupAggregator`` and ``TraceSummaryAggregator`` give every other store.
    private static func derived(_ span: SpanRecord, into rows: inout JSONEachRowWriter) {
        let minute = UnixMinute.containing(nanos: span.startNanos)
        rows.field("minute", minute)
        rows.field("user_minute", RollupGrain.user.rowMinute(minute))
        rows.field("status_key", span.value(of: .status))
        rows.field("error_category_key", span.value(of: .errorCategory))
        rows.field("model_key", span.model ?? "")
        rows.field("provider_key", span.provider ?? "")
        rows.field("user_key", span.userId ?? "")
        rows.field("business", BusinessDimensions.canonical(span.dimensions))
        rows.field("is_error", span.isError)
        rows.field("duration_ms", span.durationMs)
        let bucket = LatencyHistogram.bucketIndex(ofMs: span.durationMs)
        rows.field("latency_bucket", Int64(bucket))
        let ttft = span.timeToFirstTokenMs.flatMap { $0 >= 0 ? LatencyHistogram.bucketIndex(ofMs: $0) : nil }
        rows.field("ttft_bucket", Int64(ttft ?? -1))
        let usage = span.countedUsage
        rows.field("counted_input", usage.input ?? 0)
        rows.field("counted_output", usage.output ?? 0)
        rows.field("counted_cache_read", usage.cacheRead ?? 0)
        rows.field("counted_total", span.countsUsage ? usage.effectiveTotal : 0)
        let cost = span.countsUsage ? span.costUSD : nil
        rows.field("counted_cost", cost ?? 0)
        rows.field("priced", cost != nil)
        rows.field("unpriced", span.countsUsage && span.costUSD == nil && span.usage.isReported)
        rows.field("is_root", span.parentSpanId == nil)
        rows.field("usage_reported", span.usage.isReported)
        rows.field("failed_call", span.isError && span.role.contains(.call))
        rows.field("trace_model", span.operation == .llm && span.role.contains(.call) ? span.model ?? "" : "")
        let experiment = span.experimentLabel
        rows.field("experiment", experiment?.experiment ?? "")
        rows.field("variant", experiment?.variant ?? "")
        rows.field("prompt_version", span.promptVersion ?? "")
    }
}
