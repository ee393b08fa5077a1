import GRDB
import LoupeCore
import LoupeStore

/// A run of spans in the order they were stored (``SQLiteTelemetryStore/spans(afterSequence:limit:)``).
public struct StoredSpanPage: Sendable {
    public var spans: [SpanRecord]
    /// The last span's place in that order: where the next page starts. Nil when the page is empty.
    public var lastSequence: Int64?
}

/// Reading everything back in order, for moving a store elsewhere (`loupe migrate`).
extension SQLiteTelemetryStore {
    /// Spans stored after `sequence`, in the order they were stored, with their content, and the
    /// documents of retrieval steps as the span reported them, so that writing the spans to another
    /// store stores the same steps.
    ///
    /// Documents without an id were kept as counts and score sums only: they come back with scores
    /// that keep the step's top score, score count and mean.
    public func spans(afterSequence sequence: Int64, limit: Int) async throws -> StoredSpanPage {
        try await pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(SpanColumns.selectList), resources.attributes AS resource, spans.seq
                FROM spans JOIN resources ON resources.hash = spans.resource_hash
                WHERE spans.seq > ? ORDER BY spans.seq LIMIT ?
                """, arguments: [sequence, limit])
            var spans = rows.map(SpanRecord.init(row:))
            let last: Int64? = rows.last?[SpanColumns.names.count + 1]
            try Self.attachDocuments(to: &spans, in: db)
            return StoredSpanPage(spans: spans, lastSequence: last)
        }
    }

    /// How many spans the store holds.
    public func spanCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM spans") ?? 0 }
    }

    private static func attachDocuments(to spans: inout [SpanRecord], in db: Database) throws {
        let traces = Array(Set(spans.map(\.traceId)))
        guard !traces.isEmpty else { return }
        let marks = traces.map { _ in "?" }.joined(separator: ",")
        struct Key: Hashable {
            var trace: String
            var span: String
        }
        var named: [Key: [(rank: Int, id: String, score: Double?)]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT trace_id, span_id, rank, document_id, score FROM retrieved_documents WHERE trace_id IN (\(marks))",
            arguments: StatementArguments(traces))
        {
            named[Key(trace: row[0], span: row[1]), default: []].append((row[2], row[3], row[4]))
        }
        var steps: [Key: (count: Int, top: Double?, sum: Double?, scored: Int)] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT trace_id, span_id, documents, top_score, score_sum, scored FROM retrievals WHERE trace_id IN (\(marks))",
            arguments: StatementArguments(traces))
        {
            steps[Key(trace: row[0], span: row[1])] = (row[2], row[3], row[4], row[5])
        }
        for i in spans.indices {
            let key = Key(trace: spans[i].traceId, span: spans[i].spanId)
            guard let step = steps[key] else { continue }
            var documents = Array(repeating: RetrievedDocument(id: nil), count: step.count)
            var knownSum = 0.0, knownScored = 0
            for d in named[key] ?? [] where d.rank < documents.count {
                documents[d.rank] = RetrievedDocument(id: d.id, score: d.score)
                if let score = d.score {
                    knownSum += score
                    knownScored += 1
                }
            }
            // Scores of documents without an id: the top one first if no named document holds it, the rest sharing what remains of the sum.
            var missing = step.scored - knownScored
            var remaining = (step.sum ?? 0) - knownSum
            let unnamed = documents.indices.filter { documents[$0].id == nil }
            for index in unnamed where missing > 0 {
                let top = step.top.flatMap { top in documents.contains { $0.score == top } ? nil : top }
                let score = missing == 1 ? remaining : top ?? remaining / Double(missing)
                documents[index].score = score
                remaining -= score
                missing -= 1
            }
            spans[i].documents = documents
        }
    }
}
