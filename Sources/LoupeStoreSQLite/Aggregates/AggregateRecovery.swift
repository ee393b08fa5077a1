import GRDB
import LoupeCore
import LoupeStore

/// Rebuilds the aggregates of spans committed after the last fold, which a process that stopped
/// without folding (a crash, a kill) left out of the `rollups` and `traces` tables.
enum AggregateRecovery {
    /// Folds in every span past the watermark, in the caller's transaction; returns how many there were.
    @discardableResult
    static func run(in db: Database) throws -> Int {
        let watermark = try AggregateWatermark.read(in: db)
        let sql = """
            SELECT \(SpanColumns.selectList), resources.attributes AS resource
            FROM spans JOIN resources ON resources.hash = spans.resource_hash
            WHERE spans.seq > ?
            """
        // Streamed from a cursor rather than collected for `SpanBatch.aggregates(of:)`: the spans
        // behind the watermark can be many more than a batch.
        var rollups = RollupAggregator()
        var traces = TraceSummaryAggregator()
        var count = 0
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: [watermark])
        while let row = try cursor.next() {
            let span = SpanRecord(row: row)
            rollups.add(span)
            traces.add(span)
            count += 1
        }
        try AggregateFold.apply(PendingAggregates(rollups: rollups, traces: traces), in: db)
        return count
    }
}
