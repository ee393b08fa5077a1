import Foundation
import GRDB

/// The SQL of a user-feedback score that says an answer was bad, as ``Score/isNegative`` decides,
/// and of the requests that got one.
enum NegativeFeedback {
    /// A negative score among `scores` aliased `s`.
    static let condition = """
        s.source = 'user_feedback' AND ((s.kind = 'boolean' AND s.number = 0) OR (s.kind = 'numeric' AND s.number <
            CASE WHEN s.range_min IS NOT NULL THEN s.range_min + (s.range_max - s.range_min) / 2.0 ELSE 0.5 END))
        """

    /// A query of the trace ids with a negative score of their own or of their session; sessions
    /// are joined only when some score targets one. With `project`, that project's scores only
    /// (inlined, quoted, so the query needs no argument of its own).
    static func traceIds(in db: Database, project: String? = nil) throws -> String {
        let own = project.map { " AND s.project = '" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? ""
        var sql = "SELECT s.trace_id FROM scores s WHERE s.trace_id IS NOT NULL AND \(condition)\(own)"
        if try hasSessionScores(db) {
            sql += " UNION SELECT t.trace_id FROM scores s JOIN traces t ON t.session_id = s.session_id WHERE s.session_id IS NOT NULL AND \(condition)\(own)"
        }
        return sql
    }

    /// Whether any score targets a session: without one, nothing joins requests by session.
    static func hasSessionScores(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM scores WHERE session_id IS NOT NULL LIMIT 1") ?? false
    }
}
