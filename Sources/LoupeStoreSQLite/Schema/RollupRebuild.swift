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
        // Rows are written in today's shape; an older migration that rebuilt them leaves the work
        // to the later one that added the last rollup column (and rebuilds them again anyway).
        guard try db.columns(in: "rollups").contains(where: { $0.name == "ttft_histogram" }) else { return }
        // A migration older than a tier's table rebuilds the finer rows only; the tier's migration adds it from them.
        let tiers = try RollupTier.allCases.filter { try db.tableExists($0.table) }
        let watermark = try AggregateWatermark.read(in: db)
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM spans WHERE seq <= ?", arguments: [watermark]) ?? 0
        guard total > 0 else { return }
        progress?("Rebuilding rollups from \(total) stored spans…")
        let sql = """
            SELECT \(try SpanColumns.selectList(in: db)), '{}' AS resource FROM spans WHERE spans.seq <= ? ORDER BY spans.seq
            """
        var rollups = RollupAggregator()
        var done = 0
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: [watermark])
        while let row = try cursor.next() {
            rollups.add(SpanRecord(row: row))
            done += 1
            if done % spansPerChunk == 0 {
                try RollupUpsert.apply(rollups, in: db, tiers: tiers)
                rollups = RollupAggregator()
                progress?("  \(done) of \(total) spans (\(done * 100 / total)%)")
            }
        }
        try RollupUpsert.apply(rollups, in: db, tiers: tiers)
        progress?("Rollups rebuilt from \(done) spans.")
    }
}
