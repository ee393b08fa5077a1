import GRDB
import LoupeStore

/// Retention's deletes in SQL: a batch of the oldest traces with everything that hangs off them,
/// and a slice of old rollup periods, each found through an index so that a batch is a few
/// milliseconds of the writer's time however large the file.
enum Expiry {
    /// The selection's SQL condition on `project`, with its arguments.
    static func condition(_ projects: ProjectSelection) -> (String, [any DatabaseValueConvertible]) {
        switch projects {
        case .only(let project): return ("project = ?", [project])
        case .allBut(let excluded) where excluded.isEmpty: return ("1", [])
        case .allBut(let excluded):
            return ("project NOT IN (\(Array(repeating: "?", count: excluded.count).joined(separator: ", ")))", excluded.sorted())
        }
    }

    static func traces(_ request: ExpiryRequest, in db: Database) throws -> DeletedCounts {
        let (projects, projectArguments) = condition(request.projects)
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS expiring (trace_id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM temp.expiring")
        try db.execute(
            sql: """
                INSERT INTO temp.expiring SELECT trace_id FROM traces INDEXED BY traces_recent
                WHERE start_ns < ? AND \(projects) ORDER BY start_ns LIMIT ?
                """,
            arguments: StatementArguments([request.beforeNanos] + projectArguments + [request.limit])
        )
        let horizon = try request.orphanScoreHorizon(
            batchCount: Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.expiring") ?? 0,
            newestStart: Int64.fetchOne(db, sql: "SELECT MAX(start_ns) FROM traces WHERE trace_id IN (SELECT trace_id FROM temp.expiring)")
        )
        var counts = try deleteTraces(in: "temp.expiring", db)
        // Session scores hang off no trace, and a trace's score may have come without its trace:
        // both go by their own time, up to the batch's horizon.
        try db.execute(
            sql: """
                DELETE FROM scores WHERE at_ns < ? AND \(projects)
                    AND (trace_id IS NULL OR trace_id NOT IN (SELECT trace_id FROM traces))
                """,
            arguments: StatementArguments([horizon] + projectArguments)
        )
        counts.scores += db.changesCount
        // Records outside any trace go by their own time, to the same horizon.
        try db.execute(
            sql: "DELETE FROM log_records WHERE trace_id IS NULL AND time_ns < ? AND \(projects)",
            arguments: StatementArguments([horizon] + projectArguments)
        )
        counts.logRecords += db.changesCount
        return counts
    }

    /// Deletes the traces whose ids `table` holds (a temporary table of one `trace_id` column) with
    /// their spans, scores and retrieval steps, each through its trace-id index: retention's
    /// batches and a user's erasure go the same way.
    static func deleteTraces(in table: String, _ db: Database) throws -> DeletedCounts {
        let chosen = "SELECT trace_id FROM \(table)"
        var counts = DeletedCounts()
        try db.execute(sql: "DELETE FROM spans WHERE trace_id IN (\(chosen))")
        counts.spans = db.changesCount
        try db.execute(sql: "DELETE FROM scores WHERE trace_id IS NOT NULL AND trace_id IN (\(chosen))")
        counts.scores = db.changesCount
        try db.execute(sql: "DELETE FROM retrievals WHERE trace_id IN (\(chosen))")
        counts.retrievals = db.changesCount
        try db.execute(sql: "DELETE FROM retrieved_documents WHERE trace_id IN (\(chosen))")
        try db.execute(sql: "DELETE FROM log_records WHERE trace_id IS NOT NULL AND trace_id IN (\(chosen))")
        counts.logRecords = db.changesCount
        try db.execute(sql: "DELETE FROM traces WHERE trace_id IN (\(chosen))")
        counts.traces = db.changesCount
        return counts
    }

    /// Each tier loses its periods older than the cutoff, `request.limit` periods of each grain at a
    /// time: the key starts with (grain, minute), so each delete is a range of the primary key.
    static func rollups(_ request: ExpiryRequest, in db: Database) throws -> DeletedCounts {
        let (projects, projectArguments) = condition(request.projects)
        let beforeMinute = request.beforeNanos / 60_000_000_000
        var counts = DeletedCounts()
        let tables = [("rollups", Int64(1))] + RollupTier.allCases.map { ($0.table, $0.minutes) }
        for (table, minutes) in tables {
            for grain in RollupGrain.allCases {
                guard let oldest = try Int64.fetchOne(
                    db, sql: "SELECT minute FROM \(table) WHERE grain = ? AND minute < ? AND \(projects) ORDER BY minute LIMIT 1",
                    arguments: StatementArguments([grain.rawValue, beforeMinute] + projectArguments)
                ) else { continue }
                let until = min(beforeMinute, oldest + Int64(max(1, request.limit)) * minutes)
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE grain = ? AND minute < ? AND \(projects)",
                    arguments: StatementArguments([grain.rawValue, until] + projectArguments)
                )
                counts.rollupRows += db.changesCount
            }
        }
        return counts
    }

    /// The oldest trace's start and the oldest rollup period's, each from the front of an index.
    static func oldest(in db: Database) throws -> OldestData {
        let trace = try Int64.fetchOne(db, sql: "SELECT start_ns FROM traces INDEXED BY traces_recent ORDER BY start_ns LIMIT 1")
        var minute: Int64?
        for table in ["rollups"] + RollupTier.allCases.map(\.table) {
            for grain in RollupGrain.allCases {
                let oldest = try Int64.fetchOne(
                    db, sql: "SELECT minute FROM \(table) WHERE grain = ? ORDER BY minute LIMIT 1", arguments: [grain.rawValue]
                )
                if let oldest { minute = min(minute ?? oldest, oldest) }
            }
        }
        return OldestData(
            traceStartNanos: trace, rollupStartNanos: minute.map { $0 * 60_000_000_000 },
            rollupPeriodNanos: (RollupTier.allCases.map(\.minutes).max() ?? 1) * 60_000_000_000
        )
    }
}
