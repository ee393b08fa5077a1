import GRDB
import LoupeCore
import LoupeStore

/// Merges a batch's per-trace deltas into the `traces` table, mirroring ``TraceSummary/merge(_:)``.
enum TraceUpsert {
    private static let sql = """
        INSERT INTO traces (trace_id, project, service, root_name, start_ns, end_ns, span_count, error_count,
            failed_calls, input_tokens, output_tokens, cost_usd, user_id, session_id, experiment, variant, model, prompt_version, dimensions)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (trace_id) DO UPDATE SET
            service = CASE WHEN excluded.root_name IS NOT NULL THEN excluded.service ELSE traces.service END,
            root_name = COALESCE(excluded.root_name, traces.root_name),
            start_ns = MIN(traces.start_ns, excluded.start_ns),
            end_ns = MAX(traces.end_ns, excluded.end_ns),
            span_count = traces.span_count + excluded.span_count,
            error_count = traces.error_count + excluded.error_count,
            failed_calls = traces.failed_calls + excluded.failed_calls,
            input_tokens = traces.input_tokens + excluded.input_tokens,
            output_tokens = traces.output_tokens + excluded.output_tokens,
            cost_usd = traces.cost_usd + excluded.cost_usd,
            user_id = COALESCE(traces.user_id, excluded.user_id),
            session_id = COALESCE(traces.session_id, excluded.session_id),
            experiment = COALESCE(traces.experiment, excluded.experiment),
            variant = CASE WHEN traces.experiment IS NULL THEN excluded.variant ELSE traces.variant END,
            model = COALESCE(traces.model, excluded.model),
            prompt_version = COALESCE(traces.prompt_version, excluded.prompt_version),
            -- The first value of each dimension wins, as in TraceSummary.merge: the held object patches the new one.
            dimensions = CASE WHEN excluded.dimensions IS NULL THEN traces.dimensions WHEN traces.dimensions IS NULL
                THEN excluded.dimensions ELSE json_patch(excluded.dimensions, traces.dimensions) END
        """

    static func apply(_ traces: TraceSummaryAggregator, in db: Database) throws {
        try apply(traces.traces.values, in: db)
    }

    static func apply(_ traces: some Sequence<TraceSummary>, in db: Database) throws {
        let statement = try db.cachedStatement(sql: sql)
        for t in traces {
            let values: [(any DatabaseValueConvertible)?] = [
                t.traceId, t.project, t.service, t.rootName, t.startNanos, t.endNanos, t.spanCount, t.errorCount,
                t.failedCalls, t.inputTokens, t.outputTokens, t.costUSD, t.userId, t.sessionId, t.experiment?.experiment,
                t.experiment?.variant, t.model, t.promptVersion, t.dimensions.isEmpty ? nil : SpanText.encode(t.dimensions),
            ]
            statement.setUncheckedArguments(StatementArguments(values))
            try statement.execute()
        }
    }
}
