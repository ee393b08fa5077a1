import GRDB
import LoupeCore
import LoupeStore

/// Recomputes stored costs inside one write transaction: spans, then rollup and trace-summary deltas.
///
/// Only spans at or below the aggregation watermark are repriced: the deltas of newer ones are still
/// in the memory of the process ingesting them, which will fold them in at the price they were stored
/// with, so changing those spans' cost here would leave rollups and spans disagreeing.
enum Repricer {
    static func reprice(
        fromNanos: Int64, toNanos: Int64, price: (SpanRecord) -> Double?, in db: Database
    ) throws -> RepriceOutcome {
        let select = """
            SELECT \(SpanColumns.selectList), resources.attributes AS resource
            FROM spans JOIN resources ON resources.hash = spans.resource_hash
            WHERE spans.start_ns >= ? AND spans.start_ns < ? AND spans.counts_usage = 1 AND spans.seq <= ?
            """
        let update = try db.cachedStatement(sql: "UPDATE spans SET cost_usd = ? WHERE trace_id = ? AND span_id = ?")
        var deltas = RepriceDeltas()
        var changes: [(cost: Double?, trace: String, span: String)] = []
        let cursor = try Row.fetchCursor(db, sql: select, arguments: [fromNanos, toNanos, try AggregateWatermark.read(in: db)])
        while let row = try cursor.next() {
            let span = SpanRecord(row: row)
            let cost = price(span)
            if deltas.reprice(span, to: cost) { changes.append((cost, span.traceId, span.spanId)) }
        }
        for change in changes {
            update.setUncheckedArguments([change.cost, change.trace, change.span])
            try update.execute()
        }
        try RollupUpsert.apply(rows: deltas.rollups, in: db)
        try TraceUpsert.apply(deltas.traces.values, in: db)
        return deltas.outcome
    }
}
