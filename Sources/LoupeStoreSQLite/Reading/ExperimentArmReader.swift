import Foundation
import GRDB
import LoupeCore
import LoupeStore

/// ``TelemetryStore/experimentArms(_:)`` over SQLite: each arm's totals, units and newest latencies
/// in one pass over a covering index (``arms(_:in:)``); negative feedback from the negative scores'
/// side (few); and, in a second read the store runs beside the first, score sums (``scores(_:in:)``).
enum ExperimentArmReader {
    /// A score as a number on 0…1 where its scale is known, as ``Score/normalizedValue``.
    private static let value = """
        (CASE WHEN s.kind = 'numeric' AND s.range_max > s.range_min THEN (s.number - s.range_min) / (s.range_max - s.range_min) ELSE s.number END)
        """

    /// One arm's running totals while the requests stream past.
    private struct Tally {
        var requests = 0
        var failed = 0
        var cost = 0.0
        var costSquares = 0.0
        /// Hashes of the units (user, else session, else trace): 8 bytes each, where the ids
        /// themselves would weigh a hundred.
        var units = Set<Int>()
        var latenciesNanos: [Int64] = []

        mutating func add(unit: Int, failed: Bool, cost: Double?, nanos: Int64, maxLatencies: Int) {
            requests += 1
            if failed { self.failed += 1 }
            if let cost {
                self.cost += cost
                costSquares += cost * cost
            }
            units.insert(unit)
            if latenciesNanos.count < maxLatencies { latenciesNanos.append(nanos) }
        }
    }

    /// Each variant's arm, its ``ExperimentArm/scores`` left empty for ``scores(_:in:)``: one pass
    /// over the selection's covering index, newest first, that counts, sums, tells units apart and
    /// keeps each arm's newest latencies. SQL would group by arm with a sort of every request, count
    /// distinct units with another, and read each arm's latencies again (300 ms for a week of
    /// 100,000 requests, against about 100).
    static func arms(_ query: ExperimentArmQuery, in db: Database) throws -> [ExperimentArm] {
        let selection = ArmSelection(query.grouping, fromNanos: query.fromNanos, toNanos: query.toNanos, project: query.project, service: query.service)
        var variants = LabelTable()
        var tallies: [Tally] = []
        try RawRows.forEach(db, sql: """
            SELECT \(selection.arm), COALESCE(user_id, session_id, trace_id), error_count > 0, cost_usd, end_ns - start_ns
            FROM \(selection.from) WHERE \(selection.filter) ORDER BY \(selection.newestFirst)
            """, arguments: StatementArguments(selection.arguments)) { row in
            let variant = variants.index(of: row.text(0))
            if variant == tallies.count { tallies.append(Tally()) }
            // The unit's bytes hashed where SQLite holds them, without making a string of them.
            var hasher = Hasher()
            hasher.combine(bytes: row.text(1))
            tallies[variant].add(
                unit: hasher.finalize(), failed: row.int64(2) != 0, cost: row.isNull(3) ? nil : row.double(3), nanos: row.int64(4),
                maxLatencies: query.maxLatencies
            )
        }
        guard !tallies.isEmpty else { return [] }
        var arms: [String: ExperimentArm] = [:]
        for (index, tally) in tallies.enumerated() {
            let variant = variants.labels[index]
            arms[variant] = ExperimentArm(
                variant: variant, requests: tally.requests, units: tally.units.count, failed: tally.failed, negativeFeedback: 0,
                unsuccessful: tally.failed, latenciesMs: tally.latenciesNanos.map { Double($0) / 1_000_000 }.sorted(),
                cost: SampleMoments(count: tally.requests, sum: tally.cost, sumOfSquares: tally.costSquares), scores: [:]
            )
        }
        for row in try Row.fetchAll(db, sql: try selection.negatives(in: db), arguments: StatementArguments(selection.arguments)) {
            let variant: String = row[0] ?? "", count: Int = row[1], failedToo: Int = row[2]
            arms[variant]?.negativeFeedback = count
            arms[variant]?.unsuccessful += count - failedToo
        }
        return arms.values.sorted { $0.variant < $1.variant }
    }

    /// Each variant's score sums by score name: the range's scores (from `scores_time`, which holds
    /// their values) kept by trace and session, then the selection's requests streamed past them.
    /// The join happens here, not in SQL: SQLite would look each request up in the scores index
    /// (a hundred thousand requests, 400 ms), and held this way memory grows with the scores, not
    /// with the requests.
    static func scores(_ query: ExperimentArmQuery, in db: Database) throws -> [String: [String: SampleMoments]] {
        // The range's scores as a flat list, each trace's and session's chained through `next`:
        // one allocation for them all, where an array per trace would be one each.
        var names = LabelTable()
        var scores: [(name: Int, value: Double, next: Int)] = []
        var byTrace: [TraceKey: Int] = [:], bySession: [String: Int] = [:]
        byTrace.reserveCapacity(1 << 14)
        // A project's comparison counts its own scores only: another project's key may have scored
        // the same trace.
        var arguments: StatementArguments = [query.fromNanos - ExperimentArmQuery.scoreLeadNanos]
        if let project = query.project { arguments += [project] }
        try RawRows.forEach(db, sql: """
            SELECT s.trace_id, s.session_id, s.name, \(value) FROM scores s INDEXED BY scores_time
            WHERE s.at_ns >= ? AND s.number IS NOT NULL\(query.project == nil ? "" : " AND s.project = ?")
            """, arguments: arguments) { row in
            let name = names.index(of: row.text(2))
            if row.isNull(0) {
                guard !row.isNull(1) else { return }
                let session = String(decoding: row.text(1), as: UTF8.self)
                scores.append((name, row.double(3), bySession[session] ?? -1))
                bySession[session] = scores.count - 1
            } else {
                let trace = TraceKey(hex: row.text(0))
                scores.append((name, row.double(3), byTrace[trace] ?? -1))
                byTrace[trace] = scores.count - 1
            }
        }
        guard !scores.isEmpty else { return [:] }
        let selection = ArmSelection(query.grouping, fromNanos: query.fromNanos, toNanos: query.toNanos, project: query.project, service: query.service)
        var variants = LabelTable()
        // Per variant, per score name: count, sum and sum of squares.
        var sums: [[Int: (count: Int, sum: Double, squares: Double)]] = []
        // Sessions are read only when some score targets one.
        try RawRows.forEach(
            db, sql: "SELECT \(selection.arm), trace_id, \(bySession.isEmpty ? "NULL" : "session_id") FROM \(selection.from) WHERE \(selection.filter)",
            arguments: StatementArguments(selection.arguments)
        ) { row in
            let own = byTrace[TraceKey(hex: row.text(1))] ?? -1
            let shared = bySession.isEmpty || row.isNull(2) ? -1 : bySession[String(decoding: row.text(2), as: UTF8.self)] ?? -1
            guard own >= 0 || shared >= 0 else { return }
            let variant = variants.index(of: row.text(0))
            if variant == sums.count { sums.append([:]) }
            for head in [own, shared] {
                var at = head
                while at >= 0 {
                    let score = scores[at]
                    let held = sums[variant][score.name] ?? (0, 0, 0)
                    sums[variant][score.name] = (held.count + 1, held.sum + score.value, held.squares + score.value * score.value)
                    at = score.next
                }
            }
        }
        var result: [String: [String: SampleMoments]] = [:]
        for (variant, byName) in sums.enumerated() {
            result[variants.labels[variant]] = Dictionary(uniqueKeysWithValues: byName.map {
                (names.labels[$0.key], SampleMoments(count: $0.value.count, sum: $0.value.sum, sumOfSquares: $0.value.squares))
            })
        }
        return result
    }
}
