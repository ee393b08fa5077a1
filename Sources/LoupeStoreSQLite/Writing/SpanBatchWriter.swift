import GRDB
import LoupeCore
import LoupeStore

/// Writes one batch's spans and their resources inside the caller's transaction, and returns the
/// batch's rollup and trace-summary deltas (one per segment) for the caller to fold in. A span sent again is ignored,
/// and a call whose response id is already stored is stored as a repeated report; when a batch holds
/// either, its deltas are recomputed from what was stored, so nothing is counted twice.
struct SpanBatchWriter {
    private let insertSpan: Statement
    private let insertResource: Statement
    private let findClaim: Statement
    private let findChildCall: Statement
    private let claimResponse: Statement
    private var storedResources: Set<String> = []
    private var duplicates: [(segment: Int, index: Int)] = []
    private var repeatedCalls: [[Int]: SpanRecord] = [:]
    private var inserted = 0

    static func write(_ batch: SpanBatch, in db: Database) throws -> (WriteOutcome, [PendingAggregates]) {
        var writer = try SpanBatchWriter(db)
        for (s, segment) in batch.segments.enumerated() {
            let texts = batch.texts[s]
            try segment.withUnsafeBufferPointer { buffer in
                // Indexing borrows each record; `enumerated()` would copy (and retain) all its fields.
                for i in buffer.indices {
                    let stored: Bool
                    if let altered = try writer.repeatedReport(of: buffer[i], in: db) {
                        writer.repeatedCalls[[s, i]] = altered
                        stored = try writer.insert(altered, text: texts[i], in: db)
                    } else {
                        stored = try writer.insert(buffer[i], text: texts[i], in: db)
                    }
                    if !stored { writer.duplicates.append((s, i)) }
                }
            }
        }
        let skipped = Set(writer.duplicates.map { [$0.segment, $0.index] })
        let outcome = WriteOutcome(
            inserted: writer.inserted, duplicates: skipped.count,
            repeatedCalls: writer.repeatedCalls.keys.count { !skipped.contains($0) }
        )
        guard outcome.changedAggregates else {
            return (outcome, zip(batch.segmentRollups, batch.segmentTraces).map(PendingAggregates.init))
        }
        let new = batch.segments.enumerated().flatMap { s, segment in
            segment.enumerated().compactMap { i, span in
                skipped.contains([s, i]) ? nil : writer.repeatedCalls[[s, i]] ?? span
            }
        }
        let (rollups, traces) = SpanBatch.aggregates(of: new)
        return (outcome, [PendingAggregates(rollups: rollups, traces: traces)])
    }

    private init(_ db: Database) throws {
        insertSpan = try db.cachedStatement(sql: SpanColumns.insertSQL)
        insertResource = try db.cachedStatement(sql: "INSERT OR IGNORE INTO resources (hash, attributes) VALUES (?, ?)")
        // Within one trace (the identity index's prefix): traces are small next to the table.
        findChildCall = try db.cachedStatement(sql: """
            SELECT input_tokens IS NOT NULL OR output_tokens IS NOT NULL OR total_tokens IS NOT NULL FROM spans
            WHERE trace_id = ? AND parent_span_id = ? AND operation = ? AND (role & 2) != 0 LIMIT 1
            """)
        findClaim = try db.cachedStatement(sql: """
            SELECT service, start_ns, end_ns, input_tokens, output_tokens FROM call_responses
            WHERE project = ? AND response_id = ?
            """)
        claimResponse = try db.cachedStatement(sql: """
            INSERT INTO call_responses (project, response_id, service, start_ns, end_ns, input_tokens, output_tokens)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (project, response_id) DO UPDATE SET service = excluded.service, start_ns = excluded.start_ns,
                end_ns = excluded.end_ns, input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens
            """)
    }

    /// The span as stored when it repeats a call already stored: under the same response id, or as a
    /// model span whose child of the same call was stored before it. Nil when it is stored as it came.
    private func repeatedReport(of span: SpanRecord, in db: Database) throws -> SpanRecord? {
        guard span.role.contains(.call) else { return nil }
        var altered: SpanRecord?
        if let childReportsUsage = try storedChildCall(of: span) {
            var copy = span
            copy.stepAsideForStoredChild(childReportsUsage: childReportsUsage)
            altered = copy
        }
        if try isRepeatedReport(span, in: db) {
            var copy = altered ?? span
            copy.stepAsideAsRepeatedReport()
            altered = copy
        }
        return altered
    }

    /// Whether a stored child of the span is a call of the same operation, and if so whether it reports usage.
    private func storedChildCall(of span: SpanRecord) throws -> Bool? {
        findChildCall.setUncheckedArguments([span.traceId, span.spanId, span.operation.rawValue])
        return try Bool.fetchOne(findChildCall)
    }

    /// Whether the span reports a call already claimed under its response id; if not, and it has one,
    /// the span claims it. A resent span finds its own claim, then fails to insert: a duplicate.
    private func isRepeatedReport(_ span: SpanRecord, in db: Database) throws -> Bool {
        guard let key = span.callResponseKey else { return false }
        let claim = CallResponseClaim(span)
        findClaim.setUncheckedArguments([key.project, key.responseId])
        if let row = try Row.fetchOne(findClaim) {
            let held = CallResponseClaim(
                service: row[0], startNanos: row[1], endNanos: row[2], inputTokens: row[3], outputTokens: row[4]
            )
            if held.isSameCall(as: claim) { return true }
        }
        claimResponse.setUncheckedArguments([
            key.project, key.responseId, claim.service, claim.startNanos, claim.endNanos, claim.inputTokens, claim.outputTokens,
        ])
        try claimResponse.execute()
        return false
    }

    /// Inserts the span; false when it was already stored.
    private mutating func insert(_ span: SpanRecord, text: SpanText, in db: Database) throws -> Bool {
        try storeResource(text)
        try SpanColumns.insert(span, text: text, with: insertSpan)
        guard db.changesCount > 0 else { return false }
        inserted += 1
        return true
    }

    /// Resources repeat across a batch's spans: each distinct one is stored once, named by its hash.
    private mutating func storeResource(_ text: SpanText) throws {
        guard storedResources.insert(text.resourceHash).inserted else { return }
        insertResource.setUncheckedArguments([text.resourceHash, text.resource])
        try insertResource.execute()
    }
}
