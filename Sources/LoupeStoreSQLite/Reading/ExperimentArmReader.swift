import GRDB
import LoupeCore
import LoupeStore

/// ``TelemetryStore/experimentArms(_:)`` in SQL, adding up in SQLite rather than returning a row per
/// request: totals from the covering `traces_experiments` index; negative feedback from the
/// negative scores' side (few); each variant's newest latencies; and, in a second read the store
/// runs beside the first, score sums (``scores(_:in:)``).
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

    /// How long before a range its requests' scores may have been given: a score follows its
    /// request, save for clocks that disagree. Scores stamped earlier than this are not joined.
    static let scoreLeadNanos: Int64 = 86_400_000_000_000

    /// Each variant's score sums by score name: the range's scores (from `scores_time`, which holds
    /// their values) kept by trace and session, then the selection's requests streamed past them.
    /// The join happens here, not in SQL: SQLite would look each request up in the scores index
    /// (a hundred thousand requests, 400 ms), and held this way memory grows with the scores, not
    /// with the requests.
    static func scores(_ query: ExperimentArmQuery, in db: Database) throws -> [String: [String: SampleMoments]] {
        var names: [String] = []
        var nameIndex: [String: Int] = [:]
        var byTrace: [String: [(name: Int, value: Double)]] = [:]
        var bySession: [String: [(name: Int, value: Double)]] = [:]
        let scores = try Row.fetchCursor(db, sql: """
            SELECT s.trace_id, s.session_id, s.name, \(value) FROM scores s INDEXED BY scores_time
            WHERE s.at_ns >= ? AND s.number IS NOT NULL
            """, arguments: [query.fromNanos - scoreLeadNanos])
        while let row = try scores.next() {
            let name: String = row[2]
            let index = nameIndex[name] ?? {
                names.append(name)
                nameIndex[name] = names.count - 1
                return names.count - 1
            }()
            let score = (name: index, value: row[3] as Double)
            if let trace: String = row[0] {
                byTrace[trace, default: []].append(score)
            } else if let session: String = row[1] {
                bySession[session, default: []].append(score)
            }
        }
        guard !byTrace.isEmpty || !bySession.isEmpty else { return [:] }
        let selection = ArmSelection(query.grouping, fromNanos: query.fromNanos, toNanos: query.toNanos, project: query.project, service: query.service)
        var sums: [String: [Int: (count: Int, sum: Double, squares: Double)]] = [:]
        let requests = try Row.fetchCursor(
            db, sql: "SELECT \(selection.arm), trace_id, session_id FROM \(selection.from) WHERE \(selection.filter)",
            arguments: StatementArguments(selection.arguments)
        )
        while let row = try requests.next() {
            let trace: String = row[1]
            let session: String? = row[2]
            let own = byTrace[trace] ?? [], shared = session.flatMap { bySession[$0] } ?? []
            guard !own.isEmpty || !shared.isEmpty else { continue }
            let variant: String = row[0] ?? ""
            for score in own + shared {
                let held = sums[variant]?[score.name] ?? (0, 0, 0)
                sums[variant, default: [:]][score.name] = (held.count + 1, held.sum + score.value, held.squares + score.value * score.value)
            }
        }
        return sums.mapValues { byName in
            Dictionary(uniqueKeysWithValues: byName.map { (names[$0.key], SampleMoments(count: $0.value.count, sum: $0.value.sum, sumOfSquares: $0.value.squares)) })
        }
    }
}
