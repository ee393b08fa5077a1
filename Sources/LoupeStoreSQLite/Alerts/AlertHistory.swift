import Foundation
import GRDB
import LoupeStore

/// The `alert_events` table: the alert history, appended to and read newest first.
enum AlertHistory {
    static func append(_ events: [AlertEvent], in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO alert_events (at_ns, alert_id, rule, key, event, severity, value, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for e in events {
            let key = String(decoding: try JSONSerialization.data(withJSONObject: e.key, options: [.sortedKeys]), as: UTF8.self)
            try statement.execute(arguments: [e.atNanos, e.alertId, e.rule, key, e.event, e.severity, e.value, e.detail])
        }
    }

    static func read(_ query: AlertEventQuery, in db: Database) throws -> [AlertEvent] {
        var sql = "SELECT * FROM alert_events WHERE at_ns >= ? AND at_ns < ?"
        var arguments: [(any DatabaseValueConvertible)?] = [query.fromNanos, query.toNanos]
        if let id = query.alertId { sql += " AND alert_id = ?"; arguments.append(id) }
        sql += " ORDER BY at_ns DESC, seq DESC LIMIT ?"
        arguments.append(query.limit)
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            let text: String = row["key"]
            let key = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: String] ?? [:]
            return AlertEvent(
                atNanos: row["at_ns"], alertId: row["alert_id"], rule: row["rule"], key: key, event: row["event"],
                severity: row["severity"], value: row["value"], detail: row["detail"]
            )
        }
    }
}
