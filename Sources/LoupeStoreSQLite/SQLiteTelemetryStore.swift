import Foundation
import GRDB
import LoupeCore
import LoupeStore

/// The embedded store: one SQLite file in WAL mode, one writer and many concurrent readers.
///
/// Each ``write(_:)`` is one transaction (spans, rollups and trace summaries together), so a batch is
/// stored whole or not at all, and it returns only once committed.
public final class SQLiteTelemetryStore: TelemetryStore {
    private let pool: DatabasePool
    public let path: String

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String, options: SQLiteStoreOptions = .default) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let synchronous = options.durability == .full ? "FULL" : "NORMAL"
        let cachePages = -1024 * options.cacheMiB
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous); PRAGMA cache_size = \(cachePages); PRAGMA temp_store = MEMORY")
            db.add(function: HistogramMergeFunction.function)
            db.add(function: HistogramMergeAggregate.function)
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try SchemaMigrations.migrator.migrate(pool)
        } catch {
            throw SQLiteStoreError.cannotOpen(path: path, reason: String(describing: error))
        }
    }

    public func write(_ batch: SpanBatch) async throws -> WriteOutcome {
        guard batch.count > 0 else { return WriteOutcome() }
        return try await pool.write { db in try SpanBatchWriter.write(batch, in: db) }
    }

    public func rollups(_ query: RollupQuery) async throws -> [RollupRow] {
        var sql = (query.collapseMinutes ? RollupRow.collapsedSelectSQL : RollupRow.selectSQL) + " WHERE grain = ? AND minute >= ? AND minute < ?"
        var arguments: [(any DatabaseValueConvertible)?] = [query.grain.rawValue, query.fromMinute, query.toMinute]
        var businessFilters: [TelemetryDimension: String] = [:]
        for (dimension, value) in query.filters.sorted(by: { $0.key < $1.key }) {
            if let column = Self.rollupColumn(dimension) {
                sql += " AND \(column) = ?"
                arguments.append(value)
            } else {
                businessFilters[dimension] = value
            }
        }
        if query.collapseMinutes { sql += " GROUP BY " + RollupRow.collapsedGroupColumns }
        let statementArguments = StatementArguments(arguments)
        let grain = query.grain
        let fromMinute = query.fromMinute
        let finalSQL = sql
        let inSwift = businessFilters
        return try await pool.read { db in
            var rows: [RollupRow] = []
            let cursor = try Row.fetchCursor(db, sql: finalSQL, arguments: statementArguments)
            while let row = try cursor.next() {
                var rollup = RollupRow(row: row, grain: grain)
                if rollup.key.minute == Int64.min { rollup.key.minute = fromMinute }
                if inSwift.allSatisfy({ rollup.key.value(of: $0.key) == $0.value }) { rows.append(rollup) }
            }
            return rows
        }
    }

    public func traces(_ query: TraceQuery) async throws -> [TraceSummary] {
        var sql = "SELECT * FROM traces WHERE start_ns >= ? AND start_ns < ?"
        var arguments: [(any DatabaseValueConvertible)?] = [query.fromNanos, query.toNanos]
        if let project = query.project { sql += " AND project = ?"; arguments.append(project) }
        if let service = query.service { sql += " AND service = ?"; arguments.append(service) }
        if let user = query.user { sql += " AND user_id = ?"; arguments.append(user) }
        if let hasErrors = query.hasErrors { sql += hasErrors ? " AND error_count > 0" : " AND error_count = 0" }
        sql += " ORDER BY start_ns DESC LIMIT ?"
        arguments.append(query.limit)
        let statementArguments = StatementArguments(arguments)
        let finalSQL = sql
        return try await pool.read { db in
            try Row.fetchAll(db, sql: finalSQL, arguments: statementArguments).map(TraceSummary.init(row:))
        }
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
            SELECT \(SpanColumns.selectList), resources.attributes AS resource
            FROM spans JOIN resources ON resources.hash = spans.resource_hash
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
        try await pool.write { db in try Repricer.reprice(fromNanos: fromNanos, toNanos: toNanos, price: price, in: db) }
    }

    private static func rollupColumn(_ dimension: TelemetryDimension) -> String? {
        switch dimension {
        case .project: return "project"
        case .service: return "service"
        case .operation: return "operation"
        case .provider: return "provider"
        case .model: return "model"
        case .status: return "status"
        case .errorCategory: return "error_category"
        case .user: return "user_id"
        default: return nil
        }
    }
}
