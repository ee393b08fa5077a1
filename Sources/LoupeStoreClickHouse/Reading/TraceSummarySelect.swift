import LoupeCore
import LoupeStore

/// Trace summaries, merged from the partial aggregates the `trace_parts` view keeps of each span
/// insert (``TracePartColumns``). A trace's parts live on its spans' shard, so each shard merges its
/// own traces.
enum TraceSummarySelect {
    /// The summaries of traces that start in the query's range and match its filters, newest first;
    /// `limit` nil reads them all, and `having` adds a condition on the aggregates below.
    /// `spansWhere` narrows the traces read to those with a span meeting it.
    /// With `openEnded`, the spans `spansWhere` picks may start after the range (a trace of the
    /// range has every span at or after its start, but not before its end): for a condition that
    /// only some of a trace's spans meet.
    static func sql(
        _ query: TraceQuery, limit: Int?, having extra: String? = nil, spansWhere: String? = nil, openEnded: Bool = false,
        values: [String]? = nil
    ) -> String {
        var candidates = "start_ns >= \(query.fromNanos)" + (openEnded ? "" : " AND start_ns < \(query.toNanos)")
        if let project = query.project { candidates += " AND project = \(ClickHouseSQL.string(project))" }
        if let spansWhere { candidates += " AND (\(spansWhere))" }
        var having = ["t_start >= \(query.fromNanos)", "t_start < \(query.toNanos)"]
        if let project = query.project { having.append("t_project = \(ClickHouseSQL.string(project))") }
        if let service = query.service { having.append("t_service = \(ClickHouseSQL.string(service))") }
        if let user = query.user { having.append("t_user = \(ClickHouseSQL.string(user))") }
        if let session = query.session { having.append("t_session = \(ClickHouseSQL.string(session))") }
        if let hasErrors = query.hasErrors { having.append(hasErrors ? "t_errors > 0" : "t_errors = 0") }
        if let root = query.rootName { having.append("t_has_root AND t_root = \(ClickHouseSQL.string(root))") }
        if let duration = query.minDurationNanos { having.append("t_end - t_start >= \(duration)") }
        if let cost = query.minCostUSD { having.append("t_cost >= \(cost)") }
        if let model = query.model {
            let literal = ClickHouseSQL.string(model)
            having.append("(has(t_models, \(literal)) OR has(t_response_models, \(literal)))")
        }
        for (name, value) in query.dimensions.sorted(by: { $0.key < $1.key }) {
            // The exact `"name":"value"` member, written as ``SpanText`` writes it.
            let member = SpanText.encode([name: value]).dropFirst().dropLast()
            having.append("arrayExists(d -> position(d, \(ClickHouseSQL.string(String(member)))) > 0, t_dimensions)")
        }
        if let extra { having.append(extra) }
        return sql(candidates: "SELECT trace_id FROM spans WHERE \(candidates)", having: having, limit: limit, models: query.model != nil, values: values)
    }

    /// A trace list with no filter but its range and project: the traces of the range that start at
    /// or after `since`, newest first. Only the traces that start newest (by their spans' earliest
    /// start after `since`) are merged, not every trace of the range. A trace that started before
    /// `since` but has spans after it can take a place here and then be left out: the caller looks
    /// further back when fewer than `limit` come back.
    static func newest(_ query: TraceQuery, limit: Int, since: Int64) -> String? {
        guard query.service == nil, query.user == nil, query.session == nil, query.hasErrors == nil, query.rootName == nil,
            query.minDurationNanos == nil, query.minCostUSD == nil, query.model == nil, query.dimensions.isEmpty
        else { return nil }
        let since = max(since, query.fromNanos)
        var range = "start_ns >= \(since) AND start_ns < \(query.toNanos)"
        var having = ["t_start >= \(since)", "t_start < \(query.toNanos)"]
        if let project = query.project {
            range += " AND project = \(ClickHouseSQL.string(project))"
            having.append("t_project = \(ClickHouseSQL.string(project))")
        }
        let newest = "SELECT trace_id FROM spans WHERE \(range) GROUP BY trace_id ORDER BY min(start_ns) DESC, trace_id LIMIT \(limit)"
        return sql(candidates: newest, having: having, limit: limit)
    }

    /// The summaries of the traces `candidates` (a select of trace ids) names, whose aggregates meet
    /// every `having` condition, newest first.
    /// With `values` (such as `t_user`), only those are merged, with those the conditions and the
    /// order read: for questions that add traces up in ClickHouse, where merging every value would
    /// be most of the work.
    static func sql(candidates: String, having: [String] = [], limit: Int? = nil, models: Bool = false, values: [String]? = nil) -> String {
        let merged = values.map { TracePartColumns.merged($0 + ["t_start"] + TracePartColumns.named(in: having)) }
            ?? TracePartColumns.merged(models: models)
        return """
            SELECT trace_id,
                \(merged)
            FROM trace_parts
            WHERE trace_id IN (\(candidates))
            GROUP BY trace_id
            \(having.isEmpty ? "" : "HAVING " + having.joined(separator: " AND "))
            ORDER BY t_start DESC, trace_id
            \(limit.map { "LIMIT \($0)" } ?? "")
            """
    }

    /// The merged values `grouping` reads a trace's arm from.
    static func armValues(_ grouping: ArmGrouping) -> [String] {
        switch grouping {
        case .experiment: return ["t_experiment", "t_variant"]
        case .model: return ["t_model"]
        case .promptVersion: return ["t_prompt_version"]
        case .dimension: return ["t_dimensions"]
        }
    }

    /// A condition on merged values that every trace with an arm in `grouping` meets (and some
    /// without one may): the traces an experiment's question reads, left to ``ArmGrouping/arm(of:)`` to decide.
    static func hasArm(_ grouping: ArmGrouping) -> String {
        switch grouping {
        case .experiment(let name): return "t_experiment = \(ClickHouseSQL.string(name))"
        case .model: return "t_model != ''"
        case .promptVersion: return "t_prompt_version != ''"
        case .dimension(let name):
            // The `"name":` of a member, written as ``SpanText`` writes it; inside a value its quotes would be escaped.
            let key = SpanText.encode([name: ""]).dropFirst().dropLast().dropLast(2)
            return "arrayExists(d -> position(d, \(ClickHouseSQL.string(String(key)))) > 0, t_dimensions)"
        }
    }

    /// The summaries of an answer's rows. Traces mostly carry the same few label sets, so each
    /// distinct text is decoded once.
    static func summaries(_ rows: [ClickHouseRow]) -> [TraceSummary] {
        var decoded: [String: [String: String]] = [:]
        return rows.map { row in
            summary(row) { text in
                if let held = decoded[text] { return held }
                let dimensions = StoredJSON.dimensions(text)
                decoded[text] = dimensions
                return dimensions
            }
        }
    }

    private static func summary(_ row: ClickHouseRow, dimensions decode: (String) -> [String: String]) -> TraceSummary {
        func nonEmpty(_ name: String) -> String? { row.string(name).flatMap { $0.isEmpty ? nil : $0 } }
        var dimensions: [String: String] = [:]
        for text in row.strings("t_dimensions") {
            dimensions.merge(decode(text)) { held, _ in held }
        }
        return TraceSummary(
            traceId: row.string("trace_id") ?? "", project: row.string("t_project") ?? "", service: row.string("t_service") ?? "",
            rootName: row.bool("t_has_root") ? row.string("t_root") : nil, startNanos: row.int("t_start") ?? 0,
            endNanos: row.int("t_end") ?? 0, spanCount: row.int("t_spans") ?? 0, errorCount: row.int("t_errors") ?? 0,
            failedCalls: row.int("t_failed") ?? 0, inputTokens: row.int("t_input") ?? 0, outputTokens: row.int("t_output") ?? 0,
            costUSD: row.double("t_cost") ?? 0, userId: nonEmpty("t_user"), sessionId: nonEmpty("t_session"),
            experiment: nonEmpty("t_experiment").map { ExperimentLabel(experiment: $0, variant: row.string("t_variant") ?? "") },
            model: nonEmpty("t_model"), promptVersion: nonEmpty("t_prompt_version"), dimensions: dimensions
        )
    }
}
