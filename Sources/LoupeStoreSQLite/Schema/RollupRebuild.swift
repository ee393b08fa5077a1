import GRDB
import LoupeCore
import LoupeStore

/// Recomputes every rollup row from the stored spans, for a migration that changed what rollups key on.
///
/// Only spans at or below the aggregation watermark are read: those past it are still to be folded
/// in by ``AggregateRecovery``, which would otherwise count them twice.
enum RollupRebuild {
    /// Spans aggregated in memory before their rows are written, bounding memory on a large file.
    static let spansPerChunk = 200_000

    static func run(in db: Database, progress: (@Sendable (String) -> Void)?) throws {
        let watermark = try AggregateWatermark.readRowid(in: db)
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM spans WHERE rowid <= ?", arguments: [watermark]) ?? 0
        guard total > 0 else { return }
        progress?("Rebuilding rollups from \(total) stored spans…")
        let sql = """
            SELECT \(try SpanColumns.selectList(in: db)), '{}' AS resource FROM spans WHERE spans.rowid <= ? ORDER BY spans.rowid
            """
        var rollups = RollupAggregator()
        var done = 0
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: [watermark])
        while let row = try cursor.next() {
            rollups.add(SpanRecord(row: row))
            done += 1
            if done % spansPerChunk == 0 {
                try RollupUpsert.apply(rollups, in: db)
                rollups = RollupAggregator()
                progress?("  \(done) of \(total) spans (\(done * 100 / total)%)")
            }
        }
        try RollupUpsert.apply(rollups, in: db)
        progress?("Rollups rebuilt from \(done) spans.")
    }
}
