import GRDB
import LoupeCore
import LoupeStore

/// The `spans` table's columns and how a ``SpanRecord`` binds to them, in one place so insert and select agree.
enum SpanColumns {
    static let names = [
        "trace_id", "span_id", "parent_span_id", "project", "service", "name", "operation", "span_kind", "start_ns",
        "end_ns", "status", "error_type", "error_message", "error_category", "provider", "request_model",
        "response_model", "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens",
        "reasoning_tokens", "total_tokens", "counts_usage", "cost_usd", "ttft_ms", "finish_reason", "user_id",
        "session_id", "dimensions", "attributes", "resource_hash", "events", "error_fingerprint", "role",
        "response_id",
    ]

    static let insertSQL =
        "INSERT OR IGNORE INTO spans (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"

    static let selectList = names.map { "spans.\($0)" }.joined(separator: ", ")

    /// The select list and source of a read, with or without attributes, events and resource (the
    /// JSON whose decoding dominates reading many spans).
    static func selection(withContent: Bool) -> String {
        if withContent {
            return "SELECT \(selectList), resources.attributes AS resource FROM spans JOIN resources ON resources.hash = spans.resource_hash"
        }
        let light = names.map { name in
            switch name {
            case "attributes": return "'{}' AS attributes"
            case "events": return "'[]' AS events"
            default: return "spans.\(name)"
            }
        }
        return "SELECT \(light.joined(separator: ", ")), '{}' AS resource FROM spans"
    }

    /// The select list for a `spans` table that may predate some columns (a migration reading old
    /// rows): a column it lacks reads as NULL.
    static func selectList(in db: Database) throws -> String {
        let existing = Set(try db.columns(in: "spans").map(\.name))
        return names.map { existing.contains($0) ? "spans.\($0)" : "NULL AS \($0)" }.joined(separator: ", ")
    }

    /// Inserts one span with the insert statement, binding in the order of ``names``.
    static func insert(_ span: SpanRecord, text: SpanText, with statement: Statement) throws {
        var b = SQLiteBinder(statement)
        let usage = span.usage
        b.bind(span.traceId); b.bind(span.spanId); b.bind(span.parentSpanId); b.bind(span.project); b.bind(span.service)
        b.bind(span.name); b.bind(span.operation.rawValue); b.bind(span.spanKind.rawValue); b.bind(span.startNanos)
        b.bind(span.endNanos); b.bind(span.status.rawValue); b.bind(span.errorType); b.bind(span.errorMessage)
        b.bind(span.errorCategory); b.bind(span.provider); b.bind(span.requestModel); b.bind(span.responseModel)
        b.bind(usage.input); b.bind(usage.output); b.bind(usage.cacheRead); b.bind(usage.cacheWrite); b.bind(usage.reasoning)
        b.bind(usage.total); b.bind(span.countsUsage); b.bind(span.costUSD); b.bind(span.timeToFirstTokenMs)
        b.bind(span.finishReason); b.bind(span.userId); b.bind(span.sessionId); b.bind(text.dimensions)
        b.bind(text.attributes, packed: text.packedAttributes); b.bind(text.resourceHash)
        b.bind(text.events, packed: text.packedEvents)
        b.bind(span.errorFingerprint); b.bind(span.role.rawValue); b.bind(span.responseId)
        try b.step()
    }
}
