import GRDB
import LoupeCore
import LoupeStore

/// Writes one batch inside the caller's transaction: spans, their resources, then rollups and trace
/// summaries for the spans that were new (a span sent twice is ignored and counted nowhere).
struct SpanBatchWriter {
    private let insertSpan: Statement
    private let insertResource: Statement
    private var resourceHashes: [[String: AttributeValue]: String] = [:]
    private var rollups = RollupAggregator()
    private var traces = TraceSummaryAggregator()
    private var outcome = WriteOutcome()

    static func write(_ spans: [SpanRecord], in db: Database) throws -> WriteOutcome {
        var writer = try SpanBatchWriter(db)
        // Reading from the buffer borrows each record instead of copying (and retaining) all its fields.
        try spans.withUnsafeBufferPointer { buffer in
            for span in buffer { try writer.insert(span, in: db) }
        }
        try RollupUpsert.apply(writer.rollups, in: db)
        try TraceUpsert.apply(writer.traces, in: db)
        return writer.outcome
    }

    private init(_ db: Database) throws {
        insertSpan = try db.cachedStatement(sql: SpanColumns.insertSQL)
        insertResource = try db.cachedStatement(sql: "INSERT OR IGNORE INTO resources (hash, attributes) VALUES (?, ?)")
    }

    private mutating func insert(_ span: SpanRecord, in db: Database) throws {
        try SpanColumns.insert(span, resourceHash: try resourceHash(span.resourceAttributes), with: insertSpan)
        if db.changesCount > 0 {
            outcome.inserted += 1
            rollups.add(span)
            traces.add(span)
        } else {
            outcome.duplicates += 1
        }
    }

    /// Resources repeat across a batch's spans: each distinct one is stored once, named by its hash.
    private mutating func resourceHash(_ resource: [String: AttributeValue]) throws -> String {
        if let known = resourceHashes[resource] { return known }
        let json = JSONWriter.encode(resource)
        let hash = FNV1a.hex(json)
        insertResource.setUncheckedArguments([hash, json])
        try insertResource.execute()
        resourceHashes[resource] = hash
        return hash
    }
}
