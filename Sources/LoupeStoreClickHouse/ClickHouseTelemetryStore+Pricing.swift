import LoupeCore
import LoupeStore

/// Unpriced models and repricing.
extension ClickHouseTelemetryStore {
    public func unpricedModels(fromNanos: Int64, toNanos: Int64) async throws -> [UnpricedModel] {
        try await client.select("""
            SELECT provider, model, toInt64(count()) AS calls, toInt64(sum(ifNull(input_tokens, 0))) AS input,
                toInt64(sum(ifNull(output_tokens, 0))) AS output
            FROM (
                SELECT provider, if(isNull(response_model), request_model, response_model) AS model, input_tokens, output_tokens
                FROM spans WHERE start_ns >= \(fromNanos) AND start_ns < \(toNanos) AND unpriced = 1
                LIMIT 1 BY trace_id, span_id
            )
            GROUP BY provider, model
            """).map {
            UnpricedModel(
                provider: $0.string("provider"), model: $0.string("model") ?? "(no model)", calls: $0.int("calls") ?? 0,
                inputTokens: $0.int("input") ?? 0, outputTokens: $0.int("output") ?? 0
            )
        }
        .sorted { ($0.calls, $1.model) > ($1.calls, $0.model) }
    }

    /// Spans get their new cost by mutation, and the rollup rows of their minutes are rebuilt from
    /// spans (a change added as rows of its own would leave sums of floating-point costs a rounding
    /// away from the same sums over the new costs), as are the trace parts of the traces changed.
    public func reprice(fromNanos: Int64, toNanos: Int64, price: @Sendable (SpanRecord) -> Double?) async throws -> RepriceOutcome {
        let spans = try await client.select(SpanColumns.select(
            where: "start_ns >= \(fromNanos) AND start_ns < \(toNanos) AND counts_usage = 1", withContent: false
        )).map(SpanColumns.span)
        var deltas = RepriceDeltas()
        var priced: [(key: String, cost: Double)] = [], unpriced: [String] = []
        for span in spans {
            let cost = price(span)
            guard deltas.reprice(span, to: cost) else { continue }
            let key = span.traceId + "/" + span.spanId
            if let cost { priced.append((key, cost)) } else { unpriced.append(key) }
        }
        let key = "concat(trace_id, '/', span_id)"
        if !priced.isEmpty {
            let keys = ClickHouseSQL.strings(priced.map(\.key)).dropFirst().dropLast()
            let costs = priced.map { String($0.cost) }.joined(separator: ",")
            let cost = "transform(\(key), [\(keys)], [\(costs)], 0.)"
            try await mutate(table: "spans", """
                UPDATE cost_usd = toNullable(\(cost)), counted_cost = \(cost), priced = 1, unpriced = 0
                WHERE \(key) IN (\(keys))
                """)
        }
        if !unpriced.isEmpty {
            try await mutate(table: "spans", """
                UPDATE cost_usd = NULL, counted_cost = 0., priced = 0, unpriced = usage_reported
                WHERE \(key) IN \(ClickHouseSQL.strings(unpriced))
                """)
        }
        try await rebuildTraceParts(Set(deltas.traces.keys))
        if let first = deltas.rollups.keys.map(\.minute).min(), let last = deltas.rollups.keys.map(\.minute).max() {
            try await rebuildRollups(fromMinute: RollupGrain.user.rowMinute(first), toMinute: RollupGrain.user.rowMinute(last) + 10)
        }
        return deltas.outcome
    }

    /// Replaces the trace parts of these traces with one part each, from the spans stored now.
    func rebuildTraceParts(_ traceIds: Set<String>) async throws {
        guard !traceIds.isEmpty else { return }
        let ids = ClickHouseSQL.strings(traceIds)
        try await mutate(table: "trace_parts", "DELETE WHERE trace_id IN \(ids)")
        let spans = "(SELECT * FROM spans WHERE trace_id IN \(ids) LIMIT 1 BY trace_id, span_id)"
        try await client.execute("INSERT INTO trace_parts (\(TracePartColumns.columnList)) " + TracePartColumns.select(from: spans))
    }

    /// Replaces the rollup rows of spans in a range of minutes (whole ten-minute user rows) with rows
    /// added up from the spans stored now, one copy of each. Rows of metric data points stay; rows
    /// copied by `loupe migrate` give way to the spans they came from.
    /// Readers of those minutes see them empty until the inserts are done.
    func rebuildRollups(fromMinute: Int64, toMinute: Int64) async throws {
        try await mutate(table: "rollups", "DELETE WHERE measured != 1 AND minute >= \(fromMinute) AND minute < \(toMinute)")
        for grain in ClickHouseSchema.RollupGrainSelect.all {
            let spans = "(SELECT * FROM spans WHERE \(grain.minute) >= \(fromMinute) AND \(grain.minute) < \(toMinute) LIMIT 1 BY trace_id, span_id)"
            try await client.execute("INSERT INTO rollups (\(ClickHouseSchema.rollupColumns)) " + grain.select(from: spans))
        }
    }
}
