import GRDB
import LoupeCore
import LoupeStore

/// Writes one batch inside the caller's transaction: spans, their resources, then rollups and trace
/// summaries for the spans that were new (a span sent twice is ignored and counted nowhere).
enum SpanBatchWriter {
    static func write(_ spans: [SpanRecord], in db: Database) throws -> WriteOutcome {
        let insertSpan = try db.cachedStatement(sql: SpanColumns.insertSQL)
        let insertResource = try db.cachedStatement(sql: "INSERT OR IGNORE INTO resources (hash, attributes) VALUES (?, ?)")
        var resourceHashes: [[String: AttributeValue]: String] = [:]
        var rollups = RollupAggregator()
        var traces = TraceSummaryAggregator()
        var outcome = WriteOutcome()
        for span in spans {
            let hash: String
            if let known = resourceHashes[span.resourceAttributes] {
                hash = known
            } else {
                let json = JSONWriter.encode(span.resourceAttributes)
                hash = FNV1a.hex(json)
                insertResource.setUncheckedArguments([hash, json])
                try insertResource.execute()
                resourceHashes[span.resourceAttributes] = hash
            }
            try SpanColumns.insert(span, resourceHash: hash, with: insertSpan)
            if db.changesCount > 0 {
                outcome.inserted += 1
                rollups.add(span)
                traces.add(span)
            } else {
                outcome.duplicates += 1
            }
        }
        try RollupUpsert.apply(rollups, in: db)
        try TraceUpsert.apply(traces, in: db)
        return outcome
    }
}
