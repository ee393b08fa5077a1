import GRDB
import LoupeCore
import LoupeStore

/// ``TelemetryStore/experimentArms(_:)`` in SQL, adding up in SQLite rather than returning a row per
/// request: totals from the covering `traces_experiments` index; negative feedback from the
/// negative scores' side (few); each variant's newest latencies; and, in a second read the store
/// runs beside the first, score sums by joining requests to `scores_trace`, another covering index
/// (sessions only when some score targets one).
enum ExperimentArmReader {
    /// A user-feedback score that says the answer was bad, as ``Score/isNegative`` decides.
    private static let negative = """
        s.source = 'user_feedback' AND ((s.kind = 'boolean' AND s.number = 0) OR (s.kind = 'numeric' AND s.number <
            CASE WHEN s.range_max > s.range_min THEN s.range_min + (s.range_max - s.range_min) / 2.0 ELSE 0.5 END))
        """

    /// A score as a number on 0…1 where its scale is known, as ``Score/normalizedValue``.
    private static let value = """
        (CASE WHEN s.kind = 'numeric' AND s.range_max > s.range_min THEN (s.number - s.range_min) / (s.range_max - s.range_min) ELSE s.number END)
        """

    /// The requests' filter and its arguments.
    private static func filter(_ query: ExperimentArmQuery) -> (String, [(any DatabaseValueConvertible)?]) {
        var filter = "experiment = ? AND start_ns >= ? AND start_ns < ?"
        var arguments: [(any DatabaseValueConvertible)?] = [query.experiment, query.fromNanos, query.toNanos]
        if let project = query.project {
            filter += " AND project = ?"
            arguments.append(project)
        }
        return (filter, arguments)
    }

    /// Each variant's arm, its ``ExperimentArm/scores`` left empty for ``scores(_:in:)``.
    static func arms(_ query: ExperimentArmQuery, in db: Database) throws -> [ExperimentArm] {
        let (filter, arguments) = Self.filter(query)
        var arms: [String: ExperimentArm] = [:]
        let totals = """
            SELECT variant, COUNT(*), COUNT(DISTINCT COALESCE(user_id, session_id, trace_id)), SUM(error_count > 0), SUM(cost_usd),
                   SUM(cost_usd * cost_usd)
            FROM traces INDEXED BY traces_experiments WHERE \(filter) GROUP BY variant
            """
        for row in try Row.fetchAll(db, sql: totals, arguments: StatementArguments(arguments)) {
            let variant: String = row[0] ?? "", count: Int = row[1], failed: Int = row[3]
            arms[variant] = ExperimentArm(
                variant: variant, requests: count, units: row[2], failed: failed, negativeFeedback: 0, unsuccessful: failed,
                latenciesMs: [], cost: SampleMoments(count: count, sum: row[4] ?? 0, sumOfSquares: row[5] ?? 0), scores: [:]
            )
        }
        guard !arms.isEmpty else { return [] }
        let sessionScores = try hasSessionScores(db)
        var negativeTraces = "SELECT s.trace_id FROM scores s WHERE s.trace_id IS NOT NULL AND \(negative)"
        if sessionScores {
            negativeTraces += " UNION SELECT t.trace_id FROM scores s JOIN traces t ON t.session_id = s.session_id WHERE s.session_id IS NOT NULL AND \(negative)"
        }
        let negatives = """
            SELECT variant, COUNT(*), SUM(error_count > 0) FROM traces
            WHERE trace_id IN (\(negativeTraces)) AND \(filter) GROUP BY variant
            """
        for row in try Row.fetchAll(db, sql: negatives, arguments: StatementArguments(arguments)) {
            let variant: String = row[0] ?? "", count: Int = row[1], failedToo: Int = row[2]
            arms[variant]?.negativeFeedback = count
            arms[variant]?.unsuccessful += count - failedToo
        }
        for variant in arms.keys {
            // The index orders each variant's requests by start: the newest come first without sorting.
            let nanos = try Int64.fetchAll(
                db, sql: "SELECT end_ns - start_ns FROM traces INDEXED BY traces_experiments WHERE \(filter) AND variant = ? ORDER BY start_ns DESC LIMIT ?",
                arguments: StatementArguments(arguments + [variant, query.maxLatencies])
            )
            arms[variant]?.latenciesMs = nanos.map { Double($0) / 1_000_000 }.sorted()
        }
        return arms.values.sorted { $0.variant < $1.variant }
    }

    /// Whether any score targets a session: without one, nothing joins requests by session.
    private static func hasSessionScores(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM scores WHERE session_id IS NOT NULL LIMIT 1") ?? false
    }

    /// Each variant's score sums by score name.
    static func scores(_ query: ExperimentArmQuery, in db: Database) throws -> [String: [String: SampleMoments]] {
        let (filter, arguments) = Self.filter(query)
        let requests = "SELECT * FROM traces INDEXED BY traces_experiments WHERE \(filter)"
        let sessionScores = try hasSessionScores(db)
        var scores = """
            SELECT r.variant, s.name, COUNT(*), SUM(\(value)), SUM(\(value) * \(value))
            FROM (\(requests)) r JOIN scores s ON s.trace_id = r.trace_id WHERE s.number IS NOT NULL GROUP BY r.variant, s.name
            """
        var scoreArguments = arguments
        if sessionScores {
            scores += """

                UNION ALL
                SELECT r.variant, s.name, COUNT(*), SUM(\(value)), SUM(\(value) * \(value))
                FROM (\(requests)) r JOIN scores s ON s.session_id = r.session_id WHERE s.number IS NOT NULL GROUP BY r.variant, s.name
                """
            scoreArguments += arguments
        }
        var sums: [String: [String: (count: Int, sum: Double, squares: Double)]] = [:]
        for row in try Row.fetchAll(db, sql: scores, arguments: StatementArguments(scoreArguments)) {
            let variant: String = row[0] ?? "", name: String = row[1]
            let held = sums[variant]?[name] ?? (0, 0, 0)
            sums[variant, default: [:]][name] = (held.count + row[2], held.sum + (row[3] ?? 0), held.squares + (row[4] ?? 0))
        }
        return sums.mapValues { names in names.mapValues { SampleMoments(count: $0.count, sum: $0.sum, sumOfSquares: $0.squares) } }
    }
}
