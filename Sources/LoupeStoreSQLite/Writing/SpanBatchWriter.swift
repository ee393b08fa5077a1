import GRDB
import LoupeCore
import LoupeStore

/// Writes one batch's spans and their resources inside the caller's transaction, and returns the
/// batch's rollup and trace-summary deltas (one per segment) for the caller to fold in. A span sent again is ignored;
/// when a batch holds any, its deltas are recomputed from the spans that were new, so nothing is
/// counted twice.
struct SpanBatchWriter {
    private let insertSpan: Statement
    private let insertResource: Statement
    private var storedResources: Set<String> = []
    private var duplicates: [(segment: Int, index: Int)] = []
    private var inserted = 0

    static func write(_ batch: SpanBatch, in db: Database) throws -> (WriteOutcome, [PendingAggregates]) {
        var writer = try SpanBatchWriter(db)
        for (s, segment) in batch.segments.enumerated() {
            let texts = batch.texts[s]
            try segment.withUnsafeBufferPointer { buffer in
                // Indexing borrows each record; `enumerated()` would copy (and retain) all its fields.
                for i in buffer.indices where !(try writer.insert(buffer[i], text: texts[i], in: db)) {
                    writer.duplicates.append((s, i))
                }
            }
        }
        let outcome = WriteOutcome(inserted: writer.inserted, duplicates: writer.duplicates.count)
        guard !writer.duplicates.isEmpty else {
            return (outcome, zip(batch.segmentRollups, batch.segmentTraces).map(PendingAggregates.init))
        }
        let skipped = Set(writer.duplicates.map { [$0.segment, $0.index] })
        let new = batch.segments.enumerated().flatMap { s, segment in
            segment.enumerated().compactMap { skipped.contains([s, $0.offset]) ? nil : $0.element }
        }
        let (rollups, traces) = SpanBatch.aggregates(of: new)
        return (outcome, [PendingAggregates(rollups: rollups, traces: traces)])
    }

    private init(_ db: Database) throws {
        insertSpan = try db.cachedStatement(sql: SpanColumns.insertSQL)
        insertResource = try db.cachedStatement(sql: "INSERT OR IGNORE INTO resources (hash, attributes) VALUES (?, ?)")
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
