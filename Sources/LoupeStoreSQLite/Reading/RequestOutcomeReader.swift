import GRDB
import LoupeStore

/// ``TelemetryStore/requestOutcomes(_:)`` in SQL: each arm's and step's requests and failures from
/// `traces`, and their negative feedback from the negative scores' side (few).
enum RequestOutcomeReader {
    static func outcomes(_ query: RequestOutcomeQuery, in db: Database) throws -> [RequestOutcome] {
        let selection = ArmSelection(
            query.grouping, fromNanos: query.fromNanos, toNanos: query.toNanos, project: query.project, service: nil, unlabelled: query.unlabelled
        )
        // Steps start at the origin, at or before the range's start, so offsets are never negative.
        let origin = query.originNanos
        let step = query.stepNanos.map { "\(origin) + (start_ns - \(origin)) / \($0) * \($0)" } ?? "\(origin)"
        var outcomes: [[String]: RequestOutcome] = [:]
        let negatives = try selection.negatives(step: step, in: db)
        if query.negativeFeedbackOnly {
            return try Row.fetchAll(db, sql: negatives, arguments: StatementArguments(selection.arguments)).map { row in
                let count: Int = row[2]
                return RequestOutcome(
                    arm: row[0], stepNanos: row[1], requests: count, failed: row[3], negativeFeedback: count, unsuccessful: count, costUSD: row[4]
                )
            }.sorted { ($0.arm, $0.stepNanos) < ($1.arm, $1.stepNanos) }
        }
        let totals = "SELECT \(selection.arm), \(step), COUNT(*), SUM(error_count > 0), TOTAL(cost_usd) FROM \(selection.from) WHERE \(selection.filter) GROUP BY 1, 2"
        for row in try Row.fetchAll(db, sql: totals, arguments: StatementArguments(selection.arguments)) {
            let arm: String = row[0], start: Int64 = row[1], failed: Int = row[3]
            outcomes[[arm, String(start)]] = RequestOutcome(
                arm: arm, stepNanos: start, requests: row[2], failed: failed, negativeFeedback: 0, unsuccessful: failed, costUSD: row[4]
            )
        }
        guard !outcomes.isEmpty else { return [] }
        for row in try Row.fetchAll(db, sql: negatives, arguments: StatementArguments(selection.arguments)) {
            let arm: String = row[0], start: Int64 = row[1], count: Int = row[2], failedToo: Int = row[3]
            outcomes[[arm, String(start)]]?.negativeFeedback = count
            outcomes[[arm, String(start)]]?.unsuccessful += count - failedToo
        }
        return outcomes.values.sorted { ($0.arm, $0.stepNanos) < ($1.arm, $1.stepNanos) }
    }
}
