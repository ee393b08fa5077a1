import GRDB
import LoupeCore

/// The `spans` table's columns and how a ``SpanRecord`` binds to them, in one place so insert and select agree.
enum SpanColumns {
    static let names = [
        "trace_id", "span_id", "parent_span_id", "project", "service", "name", "operation", "span_kind", "start_ns",
        "end_ns", "status", "error_type", "error_message", "error_category", "provider", "request_model",
        "response_model", "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens",
        "reasoning_tokens", "total_tokens", "counts_usage", "cost_usd", "ttft_ms", "finish_reason", "user_id",
        "session_id", "dimensions", "attributes", "resource_hash", "events", "error_fingerprint",
    ]

    static let insertSQL =
        "INSERT OR IGNORE INTO spans (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"

    static let selectList = names.map { "spans.\($0)" }.joined(separator: ", ")

    static func arguments(_ span: SpanRecord, resourceHash: String) -> StatementArguments {
        let usage = span.usage
        let values: [(any DatabaseValueConvertible)?] = [
            span.traceId, span.spanId, span.parentSpanId, span.project, span.service, span.name,
            span.operation.rawValue, span.spanKind.rawValue, span.startNanos, span.endNanos, span.status.rawValue,
            span.errorType, span.errorMessage, span.errorCategory, span.provider, span.requestModel,
            span.responseModel, usage.input, usage.output, usage.cacheRead, usage.cacheWrite, usage.reasoning,
            usage.total, span.countsUsage, span.costUSD, span.timeToFirstTokenMs, span.finishReason, span.userId,
            span.sessionId, encodeDimensions(span.dimensions), JSONWriter.encode(span.attributes), resourceHash,
            encodeEvents(span.events), span.errorFingerprint,
        ]
        return StatementArguments(values)
    }

    static func encodeDimensions(_ dimensions: [String: String]) -> String {
        dimensions.isEmpty ? "{}" : JSONWriter.encode(dimensions.mapValues { .string($0) })
    }

    static func encodeEvents(_ events: [SpanEvent]) -> String {
        guard !events.isEmpty else { return "[]" }
        var writer = JSONWriter()
        writer.raw("[")
        for (i, event) in events.enumerated() {
            if i > 0 { writer.raw(",") }
            writer.raw("{\"name\":")
            writer.string(event.name)
            writer.raw(",\"time_ns\":")
            writer.number(event.timeNanos)
            writer.raw(",\"attributes\":")
            writer.object(event.attributes)
            writer.raw("}")
        }
        writer.raw("]")
        return writer.string
    }
}
