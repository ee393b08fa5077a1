import GRDB

/// The highest `spans.rowid` whose aggregates are in the `rollups` and `traces` tables.
///
/// Rowids only grow here (spans are appended; retention removes the oldest), so every span past the
/// watermark is one whose deltas were still in memory when they were last folded in.
enum AggregateWatermark {
    static func read(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT aggregated_span_rowid FROM aggregation_state WHERE id = 1") ?? 0
    }

    /// Moves the watermark to the newest stored span: called in the transaction that folds in every
    /// delta of the spans committed so far.
    static func advance(in db: Database) throws {
        try db.execute(sql: """
            UPDATE aggregation_state SET aggregated_span_rowid = (SELECT COALESCE(MAX(rowid), 0) FROM spans) WHERE id = 1
            """)
    }
}
