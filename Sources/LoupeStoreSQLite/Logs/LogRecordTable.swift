import Foundation
import GRDB
import LoupeCore
import LoupeStore

/// The `log_records` table: a row per log record (``LogRecord``), keyed by its identity so that a
/// record sent again is skipped. Reads go by trace; retention deletes records outside any trace by
/// their own time, through the partial index that holds only those.
enum LogRecordTable {
    static let create = """
        CREATE TABLE log_records (
            id TEXT NOT NULL PRIMARY KEY,
            project TEXT NOT NULL,
            service TEXT NOT NULL,
            trace_id TEXT,
            span_id TEXT,
            time_ns INTEGER NOT NULL,
            severity INTEGER NOT NULL,
            severity_text TEXT,
            event_name TEXT,
            body TEXT,
            attributes TEXT NOT NULL,
            scope TEXT
        ) WITHOUT ROWID;
        CREATE INDEX log_records_trace ON log_records(trace_id, time_ns) WHERE trace_id IS NOT NULL;
        CREATE INDEX log_records_untraced ON log_records(time_ns, project) WHERE trace_id IS NULL;
        """

    /// `packing`: body and attributes (prompts and completions, mostly) are packed like spans' content.
    static func write(_ records: [LogRecord], packing: Bool, in db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO log_records
                (id, project, service, trace_id, span_id, time_ns, severity, severity_text, event_name, body, attributes, scope)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var packer = ContentPacking.Packer()
        func stored(_ text: String) -> (any DatabaseValueConvertible) {
            if packing, let packed = packer.pack(text) { return Data(packed) }
            return text
        }
        for r in records {
            var body: (any DatabaseValueConvertible)?
            if let value = r.body {
                var writer = JSONWriter()
                writer.value(value)
                body = stored(writer.string)
            }
            try insert.execute(arguments: [
                r.id, r.project, r.service, r.traceId, r.spanId, r.timeNanos, Int64(r.severityNumber), r.severityText, r.eventName,
                body, stored(JSONWriter.encode(r.attributes)), r.scopeName,
            ])
        }
    }

    static let selectList = "id, project, service, trace_id, span_id, time_ns, severity, severity_text, event_name, body, attributes, scope"

    static func record(_ row: Row) -> LogRecord {
        let body = PackedText.text(row["body"]).flatMap(StoredJSON.value)
        return LogRecord(
            id: row["id"], project: row["project"], service: row["service"], traceId: row["trace_id"], spanId: row["span_id"],
            timeNanos: row["time_ns"], severityNumber: Int32(clamping: row["severity"] as Int64), severityText: row["severity_text"],
            eventName: row["event_name"], body: body, attributes: StoredJSON.attributes(PackedText.text(row["attributes"])),
            scopeName: row["scope"])
    }
}
