import LoupeStore

/// Scores as rows of the `scores` table, and back. A score written again under its id replaces the
/// first: readers take the row with the highest `written` (see ``ClickHouseSchema/scores``).
enum ScoreRows {
    static func encode(_ scores: [Score], written: Int64) -> JSONEachRowWriter {
        var rows = JSONEachRowWriter()
        for (index, score) in scores.enumerated() {
            rows.beginRow()
            rows.field("id", score.id)
            rows.field("project", score.project)
            rows.field("trace_id", score.target.traceId ?? "")
            rows.field("span_id", score.target.spanId ?? "")
            rows.field("session_id", score.target.sessionId ?? "")
            rows.field("name", score.name)
            switch score.value {
            case .numeric(let number):
                rows.field("kind", "numeric")
                rows.field("number", number)
            case .boolean(let flag):
                rows.field("kind", "boolean")
                rows.field("number", flag ? 1.0 : 0.0)
            case .categorical(let label):
                rows.field("kind", "categorical")
                rows.field("label", label)
            }
            rows.field("range_min", score.range?.lowerBound)
            rows.field("range_max", score.range?.upperBound)
            rows.field("comment", score.comment)
            rows.field("user_id", score.userId)
            rows.field("source", score.source.rawValue)
            rows.field("at_ns", score.timestampNanos)
            rows.field("written", written &+ Int64(index))
            rows.endRow()
        }
        return rows
    }

    static func score(_ row: ClickHouseRow) -> Score? {
        guard let id = row.string("id"), let source = ScoreSource(rawValue: row.string("source") ?? "") else { return nil }
        let target: ScoreTarget
        if let session = row.string("session_id"), !session.isEmpty {
            target = .session(sessionId: session)
        } else if let span = row.string("span_id"), !span.isEmpty {
            target = .span(traceId: row.string("trace_id") ?? "", spanId: span)
        } else {
            target = .trace(traceId: row.string("trace_id") ?? "")
        }
        let value: ScoreValue
        switch row.string("kind") {
        case "boolean": value = .boolean((row.double("number") ?? 0) != 0)
        case "categorical": value = .categorical(row.string("label") ?? "")
        default: value = .numeric(row.double("number") ?? 0)
        }
        var range: ClosedRange<Double>?
        if let low = row.double("range_min"), let high = row.double("range_max"), low <= high { range = low...high }
        return Score(
            id: id, project: row.string("project") ?? "", target: target, name: row.string("name") ?? "", value: value,
            range: range, comment: row.string("comment"), userId: row.string("user_id"), source: source,
            timestampNanos: row.int("at_ns") ?? 0
        )
    }
}
