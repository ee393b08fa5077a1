import GRDB
import LoupeStore

/// Erasing one end user in SQL. Run with `secure_delete` on, so the freed bytes are overwritten
/// rather than left in free pages (and the writer always runs with it at FAST, so earlier updates
/// left no stale copies in the pages' free space); the store then truncates the write-ahead log,
/// the last place older copies of those pages live.
enum UserErasure {
    static func erase(_ userId: String, in db: Database) throws -> DeletedCounts {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS erasing (trace_id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM temp.erasing;
            CREATE TEMP TABLE IF NOT EXISTS erasing_sessions (session_id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM temp.erasing_sessions;
            """)
        try db.execute(sql: "INSERT OR IGNORE INTO temp.erasing SELECT trace_id FROM traces WHERE user_id = ?", arguments: [userId])
        // A span can name the user in a trace summarised under nobody (the user id was on a child
        // span only): a scan of the spans finds those too. Erasing is rare; completeness is not optional.
        try db.execute(sql: "INSERT OR IGNORE INTO temp.erasing SELECT trace_id FROM spans WHERE user_id = ?", arguments: [userId])
        try db.execute(sql: """
            INSERT OR IGNORE INTO temp.erasing_sessions
            SELECT session_id FROM traces WHERE session_id IS NOT NULL AND trace_id IN (SELECT trace_id FROM temp.erasing)
            """)
        var counts = try Expiry.deleteTraces(in: "temp.erasing", db)
        // Their own scores on others' traces, and those on their sessions.
        try db.execute(
            sql: """
                DELETE FROM scores WHERE user_id = ? OR (session_id IS NOT NULL AND session_id IN (SELECT session_id FROM temp.erasing_sessions))
                """,
            arguments: [userId]
        )
        counts.scores += db.changesCount
        for table in ["rollups"] + RollupTier.allCases.map(\.table) {
            try db.execute(sql: "DELETE FROM \(table) WHERE user_id = ?", arguments: [userId])
            counts.rollupRows += db.changesCount
        }
        // Alerts grouped by user, or explained by one, name them in their history: the name goes,
        // from the group's `user` value and from the sentences.
        try db.execute(
            sql: "UPDATE alert_events SET key = json_set(key, '$.user', '[erased user]') WHERE json_extract(key, '$.user') = ?",
            arguments: [userId]
        )
        try db.execute(
            sql: "UPDATE alert_events SET detail = replace(detail, ?1, '[erased user]') WHERE instr(detail, ?1) > 0", arguments: [userId]
        )
        try db.execute(sql: "DELETE FROM temp.erasing; DELETE FROM temp.erasing_sessions")
        return counts
    }
}
