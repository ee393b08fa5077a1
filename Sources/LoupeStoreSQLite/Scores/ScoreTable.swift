import GRDB
import LoupeStore

/// The `scores` table: one row per score id, replaced when the id is written again.
enum ScoreTable {
    static let create = """
        CREATE TABLE scores (
            id TEXT NOT NULL PRIMARY KEY,
            project TEXT NOT NULL,
            trace_id TEXT,
            span_id TEXT,
            session_id TEXT,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            number REAL,
            label TEXT,
            range_min REAL,
            range_max REAL,
            comment TEXT,
            user_id TEXT,
            source TEXT NOT NULL,
            at_ns INTEGER NOT NULL
        );
        CREATE INDEX scores_time ON scores(at_ns);
        CREATE INDEX scores_trace ON scores(trace_id, name, source, kind, number, range_min, range_max) WHERE trace_id IS NOT NULL;
        CREATE INDEX scores_session ON scores(session_id) WHERE session_id IS NOT NULL;
        """

    // scores_trace holds what the quality report and negative feedback read of a trace's scores;
    // scores_time (rebuilt covering in "2026-12-12 scores by time with their values") what a
    // comparison reads of a range's, so both stay inside their index.

    /// Writes every score; returns how many ids were new.
    static func write(_ scores: [Score], in db: Database) throws -> Int {
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM scores WHERE id = ?")
        let upsert = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO scores (id, project, trace_id, span_id, session_id, name, kind, number, label,
                range_min, range_max, comment, user_id, source, at_ns)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var new = 0
        for s in scores {
            if try Bool.fetchOne(exists, arguments: [s.id]) == nil { new += 1 }
            let label: String? = if case .categorical(let text) = s.value { text } else { nil }
            let values: [(any DatabaseValueConvertible)?] = [
                s.id, s.project, s.target.traceId, s.target.spanId, s.target.sessionId, s.name, s.value.kind, s.value.number, label,
                s.range?.lowerBound, s.range?.upperBound, s.comment, s.userId, s.source.rawValue, s.timestampNanos,
            ]
            try upsert.execute(arguments: StatementArguments(values))
        }
        return new
    }

    static func read(_ query: ScoreQuery, in db: Database) throws -> [Score] {
        var sql = "SELECT \(columns) FROM scores WHERE at_ns >= ? AND at_ns < ?"
        var arguments: [(any DatabaseValueConvertible)?] = [query.fromNanos, query.toNanos]
        if let project = query.project { sql += " AND project = ?"; arguments.append(project) }
        if let name = query.name { sql += " AND name = ?"; arguments.append(name) }
        if let trace = query.traceId { sql += " AND trace_id = ?"; arguments.append(trace) }
        if let session = query.sessionId { sql += " AND session_id = ?"; arguments.append(session) }
        if let source = query.source { sql += " AND source = ?"; arguments.append(source.rawValue) }
        if let user = query.userId { sql += " AND user_id = ?"; arguments.append(user) }
        sql += " ORDER BY at_ns DESC, id DESC LIMIT ?"
        arguments.append(query.limit)
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).compactMap(score)
    }

    /// Read by position, as ``TraceSummary/selectList`` is: a name lookup per column and row costs more than the row.
    private static let columns = "id, project, trace_id, span_id, session_id, name, kind, number, label, range_min, range_max, comment, user_id, source, at_ns"

    private static func score(_ row: Row) -> Score? {
        let target: ScoreTarget
        if let trace: String = row[2] {
            if let span: String = row[3] { target = .span(traceId: trace, spanId: span) } else { target = .trace(traceId: trace) }
        } else if let session: String = row[4] {
            target = .session(sessionId: session)
        } else {
            return nil
        }
        let kind: String = row[6]
        let number: Double? = row[7]
        let value: ScoreValue
        switch kind {
        case "boolean": value = .boolean((number ?? 0) != 0)
        case "categorical": value = .categorical(row[8] ?? "")
        default: value = .numeric(number ?? 0)
        }
        let low: Double? = row[9], high: Double? = row[10]
        let range: ClosedRange<Double>? = if let low, let high, low <= high { low...high } else { nil }
        let source: String = row[13]
        return Score(
            id: row[0], project: row[1], target: target, name: row[5], value: value, range: range, comment: row[11], userId: row[12],
            source: ScoreSource(rawValue: source) ?? .evaluator, timestampNanos: row[14]
        )
    }

    /// Scores joined to their requests through `scores_trace`, newest requests first.
    static func scoredRequests(_ query: ScoredRequestQuery, in db: Database) throws -> [ScoredRequest] {
        var sql = """
            SELECT s.name, CASE WHEN s.kind = 'numeric' AND s.range_max > s.range_min THEN (s.number - s.range_min) / (s.range_max - s.range_min)
                   ELSE s.number END, s.source, t.service, t.start_ns, t.end_ns - t.start_ns, t.cost_usd,
                   t.model, t.prompt_version, t.dimensions
            FROM traces t JOIN scores s ON s.trace_id = t.trace_id
            WHERE t.start_ns >= ? AND t.start_ns < ? AND s.number IS NOT NULL
            """
        var arguments: [(any DatabaseValueConvertible)?] = [query.fromNanos, query.toNanos]
        // A project's requests with that project's scores only: another project's key may have scored the same trace.
        if let project = query.project { sql += " AND t.project = ? AND s.project = ?"; arguments += [project, project] }
        if let name = query.name { sql += " AND s.name = ?"; arguments.append(name) }
        sql += " ORDER BY t.start_ns DESC LIMIT ?"
        arguments.append(query.limit)
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            let source: String = row[2], nanos: Int64 = row[5]
            return ScoredRequest(
                name: row[0], value: row[1], source: ScoreSource(rawValue: source) ?? .evaluator, service: row[3], startNanos: row[4],
                durationMs: Double(nanos) / 1_000_000, costUSD: row[6], model: row[7], promptVersion: row[8],
                dimensions: StoredJSON.dimensions(row[9])
            )
        }
    }
}
