import LoupeCore
import LoupeStore

/// Log records as rows of the `log_records` table; a record outside any trace has an empty trace id.
enum LogRows {
    static func encode(_ records: [LogRecord]) -> JSONEachRowWriter {
        var rows = JSONEachRowWriter()
        for record in records {
            rows.beginRow()
            rows.field("project", record.project)
            rows.field("id", record.id)
            rows.field("service", record.service)
            rows.field("trace_id", record.traceId ?? "")
            rows.field("span_id", record.spanId ?? "")
            rows.field("time_ns", record.timeNanos)
            rows.field("severity", Int64(record.severityNumber))
            rows.field("severity_text", record.severityText)
            rows.field("event_name", record.eventName)
            rows.field("body", record.body.map { body in
                var json = JSONWriter()
                json.value(body)
                return json.string
            })
            rows.field("attributes", JSONWriter.encode(record.attributes))
            rows.field("scope", record.scopeName)
            rows.endRow()
        }
        return rows
    }

    static func record(_ row: ClickHouseRow) -> LogRecord {
        func nonEmpty(_ name: String) -> String? { row.string(name).flatMap { $0.isEmpty ? nil : $0 } }
        return LogRecord(
            id: row.string("id") ?? "", project: row.string("project") ?? "", service: row.string("service") ?? "",
            traceId: nonEmpty("trace_id"), spanId: nonEmpty("span_id"), timeNanos: row.int("time_ns") ?? 0,
            severityNumber: Int32(clamping: row.int("severity") ?? 0), severityText: row.string("severity_text"),
            eventName: row.string("event_name"), body: row.string("body").flatMap(StoredJSON.value),
            attributes: StoredJSON.attributes(row.string("attributes")), scopeName: row.string("scope")
        )
    }
}
