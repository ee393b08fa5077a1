import CLoupeSQLite
import Foundation
import GRDB
import LoupeCore
import LoupeStore
import Synchronization

/// The embedded store: one SQLite file in WAL mode, one writer and many concurrent readers.
///
/// Each ``write(_:)`` stores its spans in one transaction, whole or not at all, and returns only once
/// committed. Their rollup and trace-summary deltas are kept in memory and folded into the tables by
/// ``flushAggregates()`` (about once a second in a server, and whenever its writer is idle), or by the
/// write itself once many are pending; see ``PendingAggregates`` for why.
///
/// Reads never write: they run on a reader connection and see the tables as last folded, so a
/// dashboard neither waits for nor competes with ingest, and a reader process needs no write access.
///
/// One instance at a time may ingest into a file (the first write takes ``IngestLock``); any number
/// may read it, and see what the ingesting one last folded in.
public final class SQLiteTelemetryStore: TelemetryStore {
    let pool: DatabasePool
    /// A connection of its own for WAL checkpoints, so copying the log into the database runs beside
    /// the writer instead of inside its commits (see ``checkpoint()``); opened by the first one, as
    /// readers never checkpoint.
    private let checkpointer = Mutex<DatabaseQueue?>(nil)
    private let configuration: Configuration
    public let path: String
    let pending = Mutex(PendingAggregates())
    private let ingestLock = Mutex<IngestLock?>(nil)
    /// Pending rows past which a write folds them in itself, bounding their memory under any load.
    private let maxPendingRows: Int

    /// Opens (creating if needed) the database at `path` and brings its schema up to date;
    /// `progress` hears about migrations that rewrite every row, which take a while on a large file.
    public init(path: String, options: SQLiteStoreOptions = .default, progress: (@Sendable (String) -> Void)? = nil) throws {
        _ = Self.processConfigured
        self.path = path
        maxPendingRows = options.maxPendingAggregateRows
        packsContent = options.packContent
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let synchronous = options.durability == .full ? "FULL" : "NORMAL"
        let cachePages = -1024 * options.cacheMiB
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous); PRAGMA cache_size = \(cachePages); PRAGMA temp_store = MEMORY")
            // Lets retention give freed pages back (``reclaimSpace(maxBytes:)``); it takes effect only
            // on a new, empty file, which is the only time SQLite lets it be chosen without a VACUUM.
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
                // Every write zeroes what it frees within the pages it writes anyway (FAST costs no
                // extra I/O). Erasing a user (which turns it fully ON, free pages too) zeroes the rows
                // it deletes, but copies of their cells left in pages' free space by earlier updates
                // (each fold rewrites trace summaries and their index entries) would survive it: seen in
                // `anErasedUsersIdAndContentAreNowhereInTheFileOrItsLog`, one run in ten under load.
                try db.execute(sql: "PRAGMA secure_delete = FAST")
            }
            // Commits checkpoint only as a backstop, for a process that never calls ``checkpoint()``.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.backstopCheckpointPages)")
            // A log that a long delete or a burst grew is cut back once checkpointed, so the files'
            // size follows the data (and retention's ceiling) rather than the largest burst seen.
            try db.execute(sql: "PRAGMA journal_size_limit = \(Self.walSizeLimitBytes)")
            db.add(function: HistogramMergeFunction.function)
            db.add(function: HistogramMergeAggregate.function)
        }
        self.configuration = configuration
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try SchemaMigrations.migrator(progress: progress).migrate(pool)
        } catch {
            throw SQLiteStoreError.cannotOpen(path: path, reason: String(describing: error))
        }
    }

    public func write(_ batch: SpanBatch) async throws -> WriteOutcome {
        guard !batch.isEmpty else { return WriteOutcome() }
        var packed = batch
        // Before the writer's queue: packing is CPU the single writer cannot spare.
        if packsContent { packed.packContent() }
        let batch = packed
        // Everything below runs on GRDB's single writer queue, so `pending` only changes there: what a
        // transaction reads of it is still what it holds when the transaction commits.
        return try await pool.writeWithoutTransaction { db in
            try self.claimIngest(in: db)
            var result: (WriteOutcome, [PendingAggregates])?
            var folded = false
            try db.inTransaction(.immediate) {
                let (outcome, deltas) = try SpanBatchWriter.write(batch, in: db)
                if !batch.scores.isEmpty { _ = try ScoreTable.write(batch.scores, in: db) }
                if !batch.retrievals.isEmpty { try RetrievalTables.write(batch.retrievals, in: db) }
                // Straight into the tables, in the same transaction: recovery after a crash rebuilds
                // pending deltas from stored spans, and no span implies these.
                if !batch.measuredRollups.isEmpty { try RollupUpsert.apply(batch.measuredRollups, in: db) }
                if !batch.logs.isEmpty { try LogRecordTable.write(batch.logs, packing: self.packsContent, in: db) }
                var all = self.pending.withLock { $0 }
                // Summed, the segments' rows overstate the merged count: a cheap, safe bound.
                if all.rowCount + deltas.reduce(0, { $0 + $1.rowCount }) > self.maxPendingRows {
                    for delta in deltas { all.merge(delta) }
                    try AggregateFold.apply(all, in: db)
                    folded = true
                }
                result = (outcome, deltas)
                return .commit
            }
            guard let (outcome, deltas) = result else { return WriteOutcome() }
            self.pending.withLock { pending in
                if folded {
                    pending = PendingAggregates()
                } else {
                    let now = ContinuousClock.now
                    for delta in deltas { pending.add(committed: delta, at: now) }
                }
            }
            return outcome
        }
    }

    /// Folds the deltas of every committed write into the rollup and trace tables, so that reads (in
    /// this process or another) see them.
    public func flushAggregates() async throws {
        guard !pending.withLock({ $0.isEmpty }) else { return }
        try await pool.writeWithoutTransaction { db in _ = try self.afterFolding(in: db) { _ in } }
    }

    /// Folds the pending deltas into the tables, then runs `body`, in one immediate transaction,
    /// and forgets the deltas once it commits: a delete must find every trace summary and rollup
    /// row it is to take. Runs on the writer, where writes also add deltas, so none is lost.
    func afterFolding<T>(in db: Database, _ body: (Database) throws -> T) throws -> T {
        var result: T?
        try db.inTransaction(.immediate) {
            try foldPending(in: db)
            result = try body(db)
            return .commit
        }
        pending.withLock { $0 = PendingAggregates() }
        // Set whenever the transaction committed; it throws otherwise.
        return result!
    }

    public func health() async -> StoreHealth {
        let pending = pending.withLock { $0 }
        let lag = pending.oldestCommit.map { ContinuousClock.now - $0 } ?? .zero
        let files = [path, path + "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int64 }
        let data = try? await pool.read { db in
            let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4_096
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let free = try Int64.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            return (pages - free) * pageSize
        }
        return StoreHealth(
            pendingAggregateRows: pending.rowCount, aggregateLagSeconds: lag.seconds,
            storedBytes: files.isEmpty ? nil : files.reduce(0, +), dataBytes: data)
    }

    /// Flushes aggregates, then checkpoints the write-ahead log.
    public func maintain() async throws {
        try await flushAggregates()
        try await checkpoint()
    }

    /// SQLite's process-wide options, set once before the first connection opens (see
    /// `loupe_sqlite_configure`); false when something opened SQLite first, which is still correct, only slower.
    private static let processConfigured = loupe_sqlite_configure() == 0

    /// 64 MiB of log at the default page size.
    static let backstopCheckpointPages = 16_384

    /// What a checkpointed log is cut back to: the backstop's 64 MiB, a log ingest refills anyway.
    static let walSizeLimitBytes = 64 << 20

    /// Copies what the write-ahead log holds into the database file, without waiting for (or
    /// blocking) the writer or readers; a server calls it about once a second.
    ///
    /// SQLite otherwise checkpoints inside the commit that crosses 1,000 log pages, which at tens of
    /// thousands of spans a second is nearly every commit: the writer then spends as long copying
    /// and syncing the database file as it does writing spans, and a page changed by many commits
    /// is copied once per commit instead of once per checkpoint.
    public func checkpoint() async throws {
        let connection = try checkpointer.withLock { connection in
            if let connection { return connection }
            let opened = try DatabaseQueue(path: path, configuration: configuration)
            connection = opened
            return opened
        }
        do {
            try await connection.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            // The writer holds the log at this instant (its own backstop checkpoint, say): nothing is
            // lost, and the next maintenance pass, a second later, checkpoints instead.
        }
    }

    func foldPending(in db: Database) throws {
        let snapshot = pending.withLock { $0 }
        if !snapshot.isEmpty { try AggregateFold.apply(snapshot, in: db) }
    }

    /// Spans' attributes and events, most of a content-bearing span's bytes, are stored packed
    /// unless the options say otherwise.
    public let packsContent: Bool

    /// Makes this instance the one ingesting into the file now, rather than at its first write:
    /// a server calls it at start-up so that a second server on the same file fails at once, with
    /// ``SQLiteStoreError/alreadyIngesting(path:)``.
    public func claimIngest() async throws {
        try await pool.writeWithoutTransaction { db in try self.claimIngest(in: db) }
    }

    /// Before this instance's first write: takes the ingest lock, then folds in what a previous
    /// ingesting process committed but had not folded in when it stopped.
    private func claimIngest(in db: Database) throws {
        guard ingestLock.withLock({ $0 == nil }) else { return }
        let lock = try IngestLock(databasePath: path)
        try db.inTransaction(.immediate) {
            try AggregateRecovery.run(in: db)
            return .commit
        }
        ingestLock.withLock { $0 = lock }
    }

    /// Gives up the ingest lock without folding pending aggregates, as the kernel does for a killed
    /// process: crash tests hand the file to the next instance at a known point, not whenever the
    /// last reference to this one happens to be released.
    func abandonIngest() {
        ingestLock.withLock { $0 = nil }
    }

    public func rollups(_ query: RollupQuery) async throws -> [RollupRow] {
        var filterSQL = ""
        var filterArguments: [(any DatabaseValueConvertible)?] = []
        var businessFilters: [TelemetryDimension: String] = [:]
        for (dimension, value) in query.filters.sorted(by: { $0.key < $1.key }) {
            if let column = Self.rollupColumn(dimension) {
                filterSQL += " AND \(column) = ?"
                filterArguments.append(value)
            } else {
                businessFilters[dimension] = value
            }
        }
        let sql: String
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let merge = query.merge {
            let keepBusiness = !businessFilters.isEmpty || merge.keeping.contains { !$0.isBuiltIn }
            // Whole days, hours and ten minutes come from the coarser tiers, the edges from minutes.
            let parts = RollupTier.parts(from: query.fromMinute, to: query.toMinute, tiers: RollupTier.usable(for: query))
            guard !parts.isEmpty else { return [] }
            let source = parts.map { part in
                arguments += [query.grain.rawValue, part.from, part.to] + filterArguments
                return "SELECT \(RollupRow.storedColumns.joined(separator: ", ")) FROM \(part.table) WHERE grain = ? AND minute >= ? AND minute < ?"
                    + filterSQL
            }.joined(separator: " UNION ALL ")
            let (select, groupBy) = RollupRow.mergedSelectSQL(merge, fromMinute: query.fromMinute, keepBusiness: keepBusiness, from: "(\(source))")
            sql = select + groupBy
        } else {
            arguments = [query.grain.rawValue, query.fromMinute, query.toMinute] + filterArguments
            sql = RollupRow.selectSQL + " WHERE grain = ? AND minute >= ? AND minute < ?" + filterSQL
        }
        let statementArguments = StatementArguments(arguments)
        let grain = query.grain
        let inSwift = businessFilters
        return try await pool.read { db in
            var rows: [RollupRow] = []
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: statementArguments)
            while let row = try cursor.next() {
                let rollup = RollupRow(row: row, grain: grain)
                if inSwift.allSatisfy({ rollup.key.value(of: $0.key) == $0.value }) { rows.append(rollup) }
            }
            return rows
        }
    }

    public func traces(_ query: TraceQuery) async throws -> [TraceSummary] {
        var (sql, arguments) = Self.tracesWhere(query, select: TraceSummary.selectList)
        sql += " ORDER BY start_ns DESC LIMIT ?"
        arguments.append(query.limit)
        let statementArguments = StatementArguments(arguments)
        let finalSQL = sql
        return try await pool.read { db in
            try Row.fetchAll(db, sql: finalSQL, arguments: statementArguments).map(TraceSummary.init(row:))
        }
    }

    public func tracesWithFailedCalls(_ query: TraceQuery) async throws -> [String: Int64] {
        // The partial index's condition: an index-only scan over the traces with failed calls.
        var (sql, arguments) = Self.tracesWhere(
            query, select: "service, COUNT(*) AS n", condition: "failed_calls > 0 AND root_name IS NOT NULL",
            index: "traces_with_failed_calls"
        )
        sql += " GROUP BY service"
        let statementArguments = StatementArguments(arguments)
        let finalSQL = sql
        return try await pool.read { db in
            var counts: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: finalSQL, arguments: statementArguments) { counts[row["service"]] = row["n"] }
            return counts
        }
    }

    /// The `traces` selection for a query's range and filters, before any ordering or limit.
    /// `index` names the partial index whose condition `condition` repeats: without statistics,
    /// SQLite's planner may otherwise pick another index on `start_ns` and read every trace.
    private static func tracesWhere(
        _ query: TraceQuery, select: String, condition: String = "1", index: String? = nil
    ) -> (String, [(any DatabaseValueConvertible)?]) {
        var sql = "SELECT \(select) FROM traces\(index.map { " INDEXED BY \($0)" } ?? "") WHERE \(condition) AND start_ns >= ? AND start_ns < ?"
        var arguments: [(any DatabaseValueConvertible)?] = [query.fromNanos, query.toNanos]
        if let project = query.project { sql += " AND project = ?"; arguments.append(project) }
        if let service = query.service { sql += " AND service = ?"; arguments.append(service) }
        if let user = query.user { sql += " AND user_id = ?"; arguments.append(user) }
        if let session = query.session { sql += " AND session_id = ?"; arguments.append(session) }
        if let hasErrors = query.hasErrors { sql += hasErrors ? " AND error_count > 0" : " AND error_count = 0" }
        if let rootName = query.rootName { sql += " AND root_name = ?"; arguments.append(rootName) }
        if let nanos = query.minDurationNanos { sql += " AND end_ns - start_ns >= ?"; arguments.append(nanos) }
        if let cost = query.minCostUSD { sql += " AND cost_usd >= ?"; arguments.append(cost) }
        // What only spans know is checked per candidate trace, through the spans' identity index.
        if let model = query.model {
            sql += " AND EXISTS (SELECT 1 FROM spans s WHERE s.trace_id = traces.trace_id AND (s.request_model = ? OR s.response_model = ?))"
            arguments += [model, model]
        }
        for (name, value) in query.dimensions.sorted(by: { $0.key < $1.key }) {
            sql += " AND EXISTS (SELECT 1 FROM spans s WHERE s.trace_id = traces.trace_id AND json_extract(s.dimensions, ?) = ?)"
            arguments += [StoredJSON.path(ofKey: name), value]
        }
        return (sql, arguments)
    }

    public func rootOperations(_ query: TraceQuery) async throws -> [RootOperation] {
        var (sql, arguments) = Self.tracesWhere(
            query, select: "service, root_name", condition: "root_name IS NOT NULL", index: "traces_roots"
        )
        sql = "SELECT service, root_name, COUNT(*) AS n FROM (\(sql) ORDER BY start_ns DESC LIMIT ?)"
            + " GROUP BY service, root_name ORDER BY n DESC, service, root_name"
        arguments.append(query.limit)
        let statementArguments = StatementArguments(arguments)
        let finalSQL = sql
        return try await pool.read { db in
            try Row.fetchAll(db, sql: finalSQL, arguments: statementArguments).map {
                RootOperation(service: $0["service"], name: $0["root_name"], traces: $0["n"])
            }
        }
    }

    public func spans(traceIds: [String], withContent: Bool) async throws -> [SpanRecord] {
        guard !traceIds.isEmpty else { return [] }
        // SQLite binds at most 32,766 parameters; callers ask for a few hundred traces.
        let ids = Array(Set(traceIds)).sorted()
        var spans: [SpanRecord] = []
        for chunk in stride(from: 0, to: ids.count, by: 1_000).map({ Array(ids[$0..<min($0 + 1_000, ids.count)]) }) {
            let sql = """
                \(SpanColumns.selection(withContent: withContent))
                WHERE spans.trace_id IN (\(chunk.map { _ in "?" }.joined(separator: ", ")))
                ORDER BY spans.trace_id, spans.start_ns, spans.span_id
                """
            spans += try await pool.read { db in
                try Row.fetchAll(db, sql: sql, arguments: StatementArguments(chunk)).map(SpanRecord.init(row:))
            }
        }
        return spans
    }

    public func spans(traceId: String) async throws -> [SpanRecord] {
        let sql = """
            SELECT \(SpanColumns.selectList), resources.attributes AS resource
            FROM spans JOIN resources ON resources.hash = spans.resource_hash
            WHERE spans.trace_id = ? ORDER BY spans.start_ns, spans.span_id
            """
        return try await pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: [traceId]).map(SpanRecord.init(row:))
        }
    }

    public func failedSpans(_ query: FailedSpanQuery) async throws -> [SpanRecord] {
        var sql = """
            \(SpanColumns.selection(withContent: query.withContent))
            WHERE spans.status = 'error' AND spans.start_ns >= ? AND spans.start_ns < ?
            """
        var arguments: [(any DatabaseValueConvertible)?] = [query.fromNanos, query.toNanos]
        if let project = query.project { sql += " AND spans.project = ?"; arguments.append(project) }
        sql += " ORDER BY spans.start_ns DESC LIMIT ?"
        arguments.append(query.limit)
        let (finalSQL, statementArguments) = (sql, StatementArguments(arguments))
        return try await pool.read { db in
            try Row.fetchAll(db, sql: finalSQL, arguments: statementArguments).map(SpanRecord.init(row:))
        }
    }

    public func failureModes(_ query: FailureModeQuery) async throws -> FailureModes {
        guard query.isSupported else { throw SQLiteStoreError.unsupportedQuery("failure modes are grouped and filtered by built-in dimensions only") }
        return try await FailureModeReader.read(query, from: pool)
    }

    public func experimentVariants(_ query: TraceQuery) async throws -> [ExperimentVariantCount] {
        var (sql, arguments) = Self.tracesWhere(
            query, select: "experiment, variant, COUNT(*) AS n, MIN(start_ns) AS first_ns, MAX(start_ns) AS last_ns",
            condition: "experiment IS NOT NULL", index: "traces_experiments"
        )
        sql += " GROUP BY experiment, variant ORDER BY experiment, variant"
        let statementArguments = StatementArguments(arguments)
        let finalSQL = sql
        return try await pool.read { db in
            try Row.fetchAll(db, sql: finalSQL, arguments: statementArguments).map {
                ExperimentVariantCount(
                    label: ExperimentLabel(experiment: $0["experiment"], variant: $0["variant"] ?? ""), traces: $0["n"],
                    firstNanos: $0["first_ns"], lastNanos: $0["last_ns"]
                )
            }
        }
    }

    public func experimentArms(_ query: ExperimentArmQuery) async throws -> [ExperimentArm] {
        // Two readers at once: the score join is as long as all the rest.
        async let scores = pool.read { db in try ExperimentArmReader.scores(query, in: db) }
        var arms = try await pool.read { db in try ExperimentArmReader.arms(query, in: db) }
        let sums = try await scores
        for i in arms.indices { arms[i].scores = sums[arms[i].variant] ?? [:] }
        return arms
    }

    public func requestOutcomes(_ query: RequestOutcomeQuery) async throws -> [RequestOutcome] {
        return try await pool.read { db in try RequestOutcomeReader.outcomes(query, in: db) }
    }

    public func firstRequests(_ query: EngagementQuery) async throws -> [String: Int64] {
        return try await pool.read { db in try EngagementReader.firstRequests(query, in: db) }
    }

    public func sessionShapes(_ query: EngagementQuery) async throws -> [SessionShape] {
        return try await pool.read { db in try EngagementReader.sessionShapes(query, in: db) }
    }

    @discardableResult
    public func writeScores(_ scores: [Score]) async throws -> Int {
        guard !scores.isEmpty else { return 0 }
        return try await pool.write { db in try ScoreTable.write(scores, in: db) }
    }

    public func scoredRequests(_ query: ScoredRequestQuery) async throws -> [ScoredRequest] {
        return try await pool.read { db in try ScoreTable.scoredRequests(query, in: db) }
    }

    public func retrievedRequests(_ query: RetrievalQuery) async throws -> [RetrievedRequest] {
        return try await pool.read { db in try RetrievalTables.retrievedRequests(query, in: db) }
    }

    public func documentUses(_ query: DocumentUseQuery) async throws -> [DocumentUse] {
        try await pool.read { db in try RetrievalTables.documentUses(query, in: db) }
    }

    public func scores(_ query: ScoreQuery) async throws -> [Score] {
        try await pool.read { db in try ScoreTable.read(query, in: db) }
    }

    public func appendAlertEvents(_ events: [AlertEvent]) async throws {
        guard !events.isEmpty else { return }
        try await pool.write { db in try AlertHistory.append(events, in: db) }
    }

    public func alertEvents(_ query: AlertEventQuery) async throws -> [AlertEvent] {
        try await pool.read { db in try AlertHistory.read(query, in: db) }
    }

    public func unpricedModels(fromNanos: Int64, toNanos: Int64) async throws -> [UnpricedModel] {
        let sql = """
            SELECT provider, COALESCE(response_model, request_model) AS model, COUNT(*) AS calls,
                   COALESCE(SUM(input_tokens), 0) AS input, COALESCE(SUM(output_tokens), 0) AS output
            FROM spans
            WHERE start_ns >= ? AND start_ns < ? AND counts_usage = 1 AND cost_usd IS NULL
              AND (input_tokens IS NOT NULL OR output_tokens IS NOT NULL OR total_tokens IS NOT NULL)
            GROUP BY provider, COALESCE(response_model, request_model)
            ORDER BY calls DESC
            """
        return try await pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: [fromNanos, toNanos]).map { row in
                UnpricedModel(
                    provider: row["provider"], model: row["model"] ?? "(no model)", calls: row["calls"],
                    inputTokens: row["input"], outputTokens: row["output"]
                )
            }
        }
    }

    public func reprice(fromNanos: Int64, toNanos: Int64, price: @Sendable (SpanRecord) -> Double?) async throws -> RepriceOutcome {
        try await pool.writeWithoutTransaction { db in
            var outcome = RepriceOutcome()
            try db.inTransaction(.immediate) {
                // Repricing adjusts rollups by deltas, so the spans it reprices must be in them already.
                try self.foldPending(in: db)
                outcome = try Repricer.reprice(fromNanos: fromNanos, toNanos: toNanos, price: price, in: db)
                return .commit
            }
            self.pending.withLock { $0 = PendingAggregates() }
            return outcome
        }
    }

    private static func rollupColumn(_ dimension: TelemetryDimension) -> String? {
        RollupRow.dimensionColumns.first { $0.0 == dimension }?.1
    }
}
