import GRDB

/// Writes pending deltas into the `rollups` and `traces` tables and advances the watermark, inside
/// the caller's transaction.
enum AggregateFold {
    static func apply(_ pending: PendingAggregates, in db: Database) throws {
        try RollupUpsert.apply(pending.rollups, in: db)
        try TraceUpsert.apply(pending.traces, in: db)
        try AggregateWatermark.advance(in: db)
    }
}
