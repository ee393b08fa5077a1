import GRDB
import LoupeCore
import LoupeStore

/// The `retrievals` table (a row per retrieval or reranking step: what a request's retrieval found)
/// and `retrieved_documents` (a row per document a step returned: what the knowledge base serves).
enum RetrievalTables {
    static let create = """
        CREATE TABLE retrievals (
            trace_id TEXT NOT NULL,
            span_id TEXT NOT NULL,
            project TEXT NOT NULL,
            start_ns INTEGER NOT NULL,
            rerank INTEGER NOT NULL,
            documents INTEGER NOT NULL,
            top_score REAL,
            score_sum REAL,
            scored INTEGER NOT NULL,
            PRIMARY KEY (trace_id, span_id)
        ) WITHOUT ROWID;
        CREATE INDEX retrievals_time ON retrievals(start_ns, project, trace_id, rerank, documents, top_score, score_sum, scored);
        CREATE TABLE retrieved_documents (
            trace_id TEXT NOT NULL,
            span_id TEXT NOT NULL,
            rank INTEGER NOT NULL,
            project TEXT NOT NULL,
            document_id TEXT NOT NULL,
            start_ns INTEGER NOT NULL,
            score REAL,
            PRIMARY KEY (trace_id, span_id, rank)
        ) WITHOUT ROWID;
        CREATE INDEX retrieved_documents_time ON retrieved_documents(start_ns, document_id, score, project);
        """

    // Both time indexes hold every column their reads use, so a week of retrievals is read from
    // the indexes alone. A step sent again conflicts on its key and is skipped, so it counts once.

    static func write(_ retrievals: [Retrieval], in db: Database) throws {
        let step = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO retrievals (trace_id, span_id, project, start_ns, rerank, documents, top_score, score_sum, scored)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let document = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO retrieved_documents (trace_id, span_id, rank, project, document_id, start_ns, score)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for r in retrievals {
            let scores = r.scores
            try step.execute(arguments: [
                r.traceId, r.spanId, r.project, r.startNanos, r.isRerank, r.documents.count, r.topScore,
                scores.isEmpty ? nil : scores.reduce(0, +), scores.count,
            ])
            guard db.changesCount > 0, !r.isRerank else { continue }
            for (rank, d) in r.documents.enumerated() {
                guard let id = d.id else { continue }
                try document.execute(arguments: [r.traceId, r.spanId, rank, r.project, id, r.startNanos, d.score])
            }
        }
    }

    static func retrievedRequests(_ query: RetrievalQuery, in db: Database) throws -> [RetrievedRequest] {
        var filter = "r.start_ns >= ? AND r.start_ns < ?"
        var arguments: [(any DatabaseValueConvertible)?] = [query.fromNanos, query.toNanos]
        if let project = query.project {
            filter += " AND r.project = ?"
            arguments.append(project)
        }
        // The newest steps only, read from their covering index: adding up every step of a long range
        // before keeping the newest requests was most of the time.
        let sql = """
            SELECT t.trace_id, t.service, t.start_ns, t.dimensions, t.error_count > 0,
                   SUM(CASE WHEN s.rerank = 0 THEN s.documents END), SUM(CASE WHEN s.rerank = 1 THEN s.documents END),
                   MAX(CASE WHEN s.rerank = 0 THEN s.top_score END), SUM(CASE WHEN s.rerank = 0 THEN s.score_sum END),
                   TOTAL(CASE WHEN s.rerank = 0 THEN s.scored END),
                   t.trace_id IN (\(try NegativeFeedback.traceIds(in: db, project: query.project)))
            FROM (
                SELECT r.trace_id, r.rerank, r.documents, r.top_score, r.score_sum, r.scored FROM retrievals r INDEXED BY retrievals_time
                WHERE \(filter) ORDER BY r.start_ns DESC LIMIT ?
            ) s JOIN traces t ON t.trace_id = s.trace_id
            GROUP BY s.trace_id ORDER BY t.start_ns DESC, t.trace_id DESC LIMIT ?
            """
        let all = arguments + [2 * query.limit, query.limit]
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(all)).map { row in
            let scoreSum: Double? = row[8], scored: Double = row[9], retrieved: Int? = row[5], kept: Int? = row[6]
            return RetrievedRequest(
                traceId: row[0], service: row[1], startNanos: row[2], dimensions: StoredJSON.dimensions(row[3]), retrieved: retrieved,
                kept: kept, topScore: row[7], meanScore: scored > 0 ? scoreSum.map { $0 / scored } : nil, failed: row[4],
                negativeFeedback: row[10]
            )
        }
    }

    /// One document's retrievals while they stream past.
    private struct UseTally {
        var retrievals = 0
        var scoreSum = 0.0
        var scored = 0
        var lastNanos = Int64.min

        mutating func add(score: Double?, at: Int64) {
            retrievals += 1
            if let score {
                scoreSum += score
                scored += 1
            }
            lastNanos = max(lastNanos, at)
        }
    }

    static func documentUses(_ query: DocumentUseQuery, in db: Database) throws -> [DocumentUse] {
        var filter = "start_ns >= ? AND start_ns < ?"
        var arguments: [(any DatabaseValueConvertible)?] = [query.fromNanos, query.toNanos]
        if let project = query.project {
            filter += " AND project = ?"
            arguments.append(project)
        }
        // Past the newest `query.newest` retrievals, when the range holds more: those at the instant of
        // the first one left out are left out too, so at most that many count.
        if let cutoff = try Int64.fetchOne(db, sql: """
            SELECT start_ns FROM retrieved_documents INDEXED BY retrieved_documents_time WHERE \(filter)
            ORDER BY start_ns DESC LIMIT 1 OFFSET ?
            """, arguments: StatementArguments(arguments + [query.newest])) {
            filter += " AND start_ns > ?"
            arguments.append(cutoff)
        }
        // Added up here as the rows stream past the index: SQLite would group them by document with a
        // sort of every row (190 of 285 ms for 200,000).
        var uses: [String: UseTally] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT document_id, score, start_ns FROM retrieved_documents INDEXED BY retrieved_documents_time WHERE \(filter)",
            arguments: StatementArguments(arguments)
        )
        while let row = try rows.next() {
            uses[row[0], default: UseTally()].add(score: row[1], at: row[2])
        }
        return uses.sorted { ($0.value.retrievals, $1.key) > ($1.value.retrievals, $0.key) }.prefix(query.limit).map { id, use in
            DocumentUse(
                id: id, retrievals: use.retrievals, meanScore: use.scored > 0 ? use.scoreSum / Double(use.scored) : nil, lastNanos: use.lastNanos
            )
        }
    }
}
