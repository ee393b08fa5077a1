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
            let scores = r.documents.compactMap(\.score)
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
        let sql = """
            SELECT t.trace_id, t.service, t.start_ns, t.dimensions, t.error_count > 0,
                   SUM(CASE WHEN r.rerank = 0 THEN r.documents END), SUM(CASE WHEN r.rerank = 1 THEN r.documents END),
                   MAX(CASE WHEN r.rerank = 0 THEN r.top_score END), SUM(CASE WHEN r.rerank = 0 THEN r.score_sum END),
                   TOTAL(CASE WHEN r.rerank = 0 THEN r.scored END),
                   t.trace_id IN (\(try NegativeFeedback.traceIds(in: db)))
            FROM retrievals r INDEXED BY retrievals_time JOIN traces t ON t.trace_id = r.trace_id
            WHERE \(filter) GROUP BY t.trace_id ORDER BY t.start_ns DESC, t.trace_id DESC LIMIT ?
            """
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments + [query.limit])).map { row in
            let scoreSum: Double? = row[8], scored: Double = row[9], retrieved: Int? = row[5], kept: Int? = row[6]
            return RetrievedRequest(
                traceId: row[0], service: row[1], startNanos: row[2], dimensions: StoredJSON.dimensions(row[3]), retrieved: retrieved,
                kept: kept, topScore: row[7], meanScore: scored > 0 ? scoreSum.map { $0 / scored } : nil, failed: row[4],
                negativeFeedback: row[10]
            )
        }
    }

    static func documentUses(_ query: DocumentUseQuery, in db: Database) throws -> [DocumentUse] {
        var sql = """
            SELECT document_id, COUNT(*), AVG(score), MAX(start_ns) FROM retrieved_documents INDEXED BY retrieved_documents_time
            WHERE start_ns >= ? AND start_ns < ?
            """
        var arguments: [(any DatabaseValueConvertible)?] = [query.fromNanos, query.toNanos]
        if let project = query.project {
            sql += " AND project = ?"
            arguments.append(project)
        }
        sql += " GROUP BY document_id ORDER BY COUNT(*) DESC, document_id LIMIT ?"
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments + [query.limit])).map { row in
            DocumentUse(id: row[0], retrievals: row[1], meanScore: row[2], lastNanos: row[3])
        }
    }
}
