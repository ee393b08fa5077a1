import GRDB
import LoupeCore
import LoupeStore

/// ``TelemetryStore/experimentArms(_:)`` in SQL, adding up in SQLite rather than returning a row per
/// request: totals from the covering `traces_experiments` index; negative feedback from the
/// negative scores' side (few); each variant's newest latencies; and, in a second read the store
/// runs beside the first, score sums by joining requests to `scores_trace`, another covering index
/// (sessions only when some score targets one).
enum ExperimentArmReader {
    /// A score as a number on 0…1 where its scale is known, as ``Score/normalizedValue``.
    private static let value = """
        (CASE WHEN s.kind = 'numeric' AND s.range_max > s.range_min THEN (s.number - s.range_min) / (s.range_max - s.range_min) ELSE s.number END)
        """

    /// Each variant's arm, its ``ExperimentArm/scores`` left empty for ``scores(_:in:)``.
    static func arms(_ query: ExperimentArmQuery, in db: Database) throws -> [ExperimentArm] {
        let selection = ArmSelection(query.grouping, fromNanos: query.fromNanos, toNanos: query.toNanos, project: query.project, service: query.service)
        let (filter, arguments) = (selection.filter, selection.arguments)
        var arms: [String: ExperimentArm] = [:]
        let totals = """
            SELECT \(selection.arm), COUNT(*), COUNT(DISTINCT COALESCE(user_id, session_id, trace_id)), SUM(error_count > 0), SUM(cost_usd),
                   SUM(cost_usd * cost_usd)
            FROM \(selection.from) WHERE \(filter) GROUP BY 1
            """
        for row in try Row.fetchAll(db, sql: totals, arguments: StatementArguments(arguments)) {
            let variant: String = row[0] ?? "", count: Int = row[1], failed: Int = row[3]
            arms[variant] = ExperimentArm(
                variant: variant, requests: count, units: row[2], failed: failed, negativeFeedback: 0, unsuccessful: failed,
                latenciesMs: [], cost: SampleMoments(count: count, sum: row[4] ?? 0, sumOfSquares: row[5] ?? 0), scores: [:]
            )
        }
        guard !arms.isEmpty else { return [] }
        for row in try Row.fetchAll(db, sql: try selection.negatives(in: db), arguments: StatementArguments(arguments)) {
            let variant: String = row[0] ?? "", count: Int = row[1], failedToo: Int = row[2]
            arms[variant]?.negativeFeedback = count
            arms[variant]?.unsuccessful += count - failedToo
        }
        for variant in arms.keys {
            // An experiment's index orders each variant's requests by start: the newest come first without sorting.
            let nanos = try Int64.fetchAll(
                db, sql: "SELECT end_ns - start_ns FROM \(selection.from) WHERE \(filter) AND \(selection.arm) = ? ORDER BY start_ns DESC LIMIT ?",
                arguments: StatementArguments(arguments + [variant, query.maxLatencies])
            )
            arms[variant]?.latenciesMs = nanos.map { Double($0) / 1_000_000 }.sorted()
        }
        return arms.values.sorted { $0.variant < $1.variant }
    }

    /// Each variant's score sums by score name.
    static func scores(_ query: ExperimentArmQuery, in db: Database) throws -> [String: [String: SampleMoments]] {
        let selection = ArmSelection(query.grouping, fromNanos: query.fromNanos, toNanos: query.toNanos, project: query.project, service: query.service)
        let arguments = selection.arguments
        let requests = "SELECT \(selection.arm) AS variant, trace_id, session_id FROM \(selection.from) WHERE \(selection.filter)"
        let sessionScores = try NegativeFeedback.hasSessionScores(db)
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
