import GRDB
import LoupeCore
import LoupeStore

/// Reads ``FailureModes`` with three aggregate statements over the failed spans of a range,
/// instead of materialising every failed span: the errors page over tens of thousands of
/// failures then costs tens of milliseconds.
enum FailureModeReader {
    /// The span column (or expression) holding a built-in dimension, as ``SpanRecord/value(of:)`` reads it.
    static func column(_ dimension: TelemetryDimension) -> String? {
        switch dimension {
        case .project: return "s.project"
        case .service: return "s.service"
        case .operation: return "s.operation"
        case .provider: return "COALESCE(s.provider, '')"
        case .model: return "COALESCE(s.request_model, s.response_model, '')"
        case .status: return "s.status"
        case .errorCategory: return "COALESCE(s.error_category, 'unknown')"
        case .user: return "COALESCE(s.user_id, '')"
        default: return nil
        }
    }

    /// The range and filter conditions over failed spans `s`, and their arguments.
    private static func conditions(_ query: FailureModeQuery) -> (sql: String, arguments: [(any DatabaseValueConvertible)?]) {
        var conditions = ["s.status = 'error'", "s.start_ns >= ?", "s.start_ns < ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [query.fromNanos, query.toNanos]
        for (dimension, value) in query.filters.sorted(by: { $0.key < $1.key }) {
            guard let column = column(dimension) else { continue }
            conditions.append("\(column) = ?")
            arguments.append(value)
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// Failed spans none of whose children failed, read from the covering index alone.
    private static func rootCauses(where matching: String) -> String {
        """
        FROM spans s INDEXED BY spans_failure_modes WHERE \(matching) AND NOT EXISTS (
            SELECT 1 FROM spans c INDEXED BY spans_failed_children
            WHERE c.trace_id = s.trace_id AND c.parent_span_id = s.span_id AND c.status = 'error')
        """
    }

    /// Three independent aggregates, each on its own reader of the pool, at once.
    static func read(_ query: FailureModeQuery, from pool: DatabasePool) async throws -> FailureModes {
        async let rows = pool.read { db in try readRows(query, in: db) }
        async let samples = pool.read { db in try readSamples(query, in: db) }
        async let trends = pool.read { db in try readTrends(query, in: db) }
        let (failedSpans, modeRows) = try await rows
        return FailureModes(failedSpans: failedSpans, rows: modeRows, samples: try await samples, trends: try await trends)
    }

    private static func readRows(_ query: FailureModeQuery, in db: Database) throws -> (Int, [FailureModes.Row]) {
        let (matching, arguments) = conditions(query)
        let failedSpans = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM spans s INDEXED BY spans_failure_modes WHERE \(matching)", arguments: StatementArguments(arguments)
        ) ?? 0
        let keyColumns = query.groupBy.compactMap(column)
        let place = query.byPlace
            ? ["COALESCE(s.request_model, s.response_model) AS model", "s.operation AS operation", "s.service AS service", "s.user_id AS user"]
            : ["NULL AS model", "NULL AS operation", "NULL AS service", "NULL AS user"]
        let rowColumns = keyColumns.enumerated().map { "\($1) AS k\($0)" } + ["s.error_category AS category", "s.error_fingerprint AS fingerprint"] + place
        let groupColumns = (0..<keyColumns.count).map { "k\($0)" } + ["category", "fingerprint"]
            + (query.byPlace ? ["model", "operation", "service", "user"] : [])
        let sql = """
            SELECT \(rowColumns.joined(separator: ", ")), COUNT(*) AS n, MIN(s.start_ns) AS first_ns, MAX(s.start_ns) AS last_ns
            \(rootCauses(where: matching))
            GROUP BY \(groupColumns.joined(separator: ", "))
            """
        let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            FailureModes.Row(
                key: (0..<keyColumns.count).map { row["k\($0)"] }, category: row["category"], fingerprint: row["fingerprint"],
                model: row["model"], operation: row["operation"], service: row["service"], user: row["user"], count: row["n"],
                firstSeenNanos: row["first_ns"], lastSeenNanos: row["last_ns"]
            )
        }
        return (failedSpans, rows)
    }

    /// The newest failures of each fingerprint from the index, then the message of the newest one
    /// by its identity. A trace can fail the same way more than once, so more failures than
    /// examples are read and each trace is kept once.
    private static func readSamples(_ query: FailureModeQuery, in db: Database) throws -> [String: FailureModes.Sample] {
        let (matching, arguments) = conditions(query)
        let sql = """
            SELECT fingerprint, trace_id, span_id, rn FROM (
                SELECT s.error_fingerprint AS fingerprint, s.trace_id, s.span_id,
                       ROW_NUMBER() OVER (PARTITION BY s.error_fingerprint ORDER BY s.start_ns DESC, s.span_id) AS rn
                \(rootCauses(where: matching + " AND s.error_fingerprint IS NOT NULL"))
            ) WHERE rn <= ? ORDER BY fingerprint, rn
            """
        var samples: [String: FailureModes.Sample] = [:]
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments + [max(1, query.examplesPerFingerprint * 3)]))
        let message = try db.cachedStatement(sql: "SELECT error_type, error_message FROM spans WHERE trace_id = ? AND span_id = ?")
        while let row = try cursor.next() {
            let fingerprint: String = row["fingerprint"]
            let traceId: String = row["trace_id"]
            var sample = samples[fingerprint] ?? FailureModes.Sample(errorType: nil, message: nil, traceIds: [])
            if (row["rn"] as Int) == 1, let newest = try Row.fetchOne(message, arguments: [traceId, row["span_id"] as String]) {
                sample.errorType = newest["error_type"]
                sample.message = newest["error_message"]
            }
            if sample.traceIds.count < query.examplesPerFingerprint, !sample.traceIds.contains(traceId) { sample.traceIds.append(traceId) }
            samples[fingerprint] = sample
        }
        return samples
    }

    private static func readTrends(_ query: FailureModeQuery, in db: Database) throws -> [String: [Int]] {
        guard query.trendBuckets > 0 else { return [:] }
        let (matching, arguments) = conditions(query)
        let sql = """
            SELECT s.error_fingerprint AS fingerprint, (s.start_ns - ?) / ? AS bucket, COUNT(*) AS n
            \(rootCauses(where: matching + " AND s.error_fingerprint IS NOT NULL"))
            GROUP BY fingerprint, bucket
            """
        var trends: [String: [Int]] = [:]
        let trendArguments: [(any DatabaseValueConvertible)?] = [query.fromNanos, query.trendBucketNanos] + arguments
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(trendArguments)) {
            let bucket = min(query.trendBuckets - 1, Int(row["bucket"] as Int64))
            trends[row["fingerprint"], default: Array(repeating: 0, count: query.trendBuckets)][bucket] += row["n"] as Int
        }
        return trends
    }
}
