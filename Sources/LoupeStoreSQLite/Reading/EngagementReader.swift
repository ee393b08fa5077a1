import GRDB
import LoupeStore

/// ``TelemetryStore/firstRequests(_:)`` and ``TelemetryStore/sessionShapes(_:)`` in SQL, over the
/// covering `traces_activity` index.
enum EngagementReader {
    static func firstRequests(_ query: EngagementQuery, in db: Database) throws -> [String: Int64] {
        let project = query.project == nil ? "" : " AND project = ?"
        let firstProject = query.project == nil ? "" : " AND f.project = ?"
        // The range's users from traces_activity, then each one's first request ever: one seek in traces_users.
        let sql = """
            SELECT user_id, (SELECT MIN(f.start_ns) FROM traces f INDEXED BY traces_users WHERE f.user_id = t.user_id\(firstProject))
            FROM (SELECT DISTINCT user_id FROM traces INDEXED BY traces_activity
                  WHERE start_ns >= ? AND start_ns < ? AND user_id IS NOT NULL\(project)) t
            """
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let name = query.project { arguments.append(name) }
        arguments += [query.fromNanos, query.toNanos]
        if let name = query.project { arguments.append(name) }
        var first: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) { first[row[0]] = row[1] }
        return first
    }

    static func sessionShapes(_ query: EngagementQuery, in db: Database) throws -> [SessionShape] {
        var newest = """
            SELECT session_id, start_ns, end_ns, user_id FROM traces INDEXED BY traces_activity
            WHERE session_id IS NOT NULL AND start_ns >= ? AND start_ns < ?
            """
        var arguments: [(any DatabaseValueConvertible)?] = [query.fromNanos, query.toNanos]
        if let project = query.project {
            newest += " AND project = ?"
            arguments.append(project)
        }
        arguments.append(query.sessionRequests)
        let sql = """
            SELECT COUNT(*), MAX(end_ns) - MIN(start_ns), MAX(user_id)
            FROM (\(newest) ORDER BY start_ns DESC LIMIT ?) GROUP BY session_id ORDER BY session_id
            """
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            let nanos: Int64 = row[1]
            return SessionShape(requests: row[0], durationMs: Double(nanos) / 1_000_000, userId: row[2])
        }
    }
}
