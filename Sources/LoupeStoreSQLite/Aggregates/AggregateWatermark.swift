import GRDB

/// The highest `spans.seq` whose aggregates are in the `rollups` and `traces` tables.
///
/// `seq` only grows (AUTOINCREMENT: never reused, never renumbered, see ``SpanSequenceMigration``),
/// so every span past the watermark is one whose deltas were still in memory when they were last folded in.
enum AggregateWatermark {
    static func read(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT aggregated_span_seq FROM aggregation_state WHERE id = 1") ?? 0
    }

    /// The watermark as migrations older than ``SpanSequenceMigration`` stored it, over the implicit rowid.
    static func readRowid(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT aggregated_span_rowid FROM aggregation_state WHERE id = 1") ?? 0
    }

    /// Moves the watermark to the newest stored span: called in the transaction that folds in every
    /// delta of the spans committed so far.
    static func advance(in db: Database) throws {
        try db.execute(sql: """
            UPDATE aggregation_state SET aggregated_span_seq = (SELECT COALESCE(MAX(seq), 0) FROM spans) WHERE id = 1
            """)
    }
}
