import GRDB
import LoupeCore
import LoupeStore

extension TraceSummary {
    /// The columns ``init(row:)`` reads, in its order: it decodes by position, because looking a
    /// column up by name compares names case-insensitively on every row and was most of the time of
    /// reading a hundred thousand traces.
    static let selectList = """
        trace_id, project, service, root_name, start_ns, end_ns, span_count, error_count, failed_calls, input_tokens,
        output_tokens, cost_usd, user_id, session_id, experiment, variant, model, prompt_version, dimensions
        """

    init(row: Row) {
        let experiment: String? = row[14], variant: String? = row[15]
        self.init(
            traceId: row[0], project: row[1], service: row[2], rootName: row[3], startNanos: row[4], endNanos: row[5],
            spanCount: row[6], errorCount: row[7], failedCalls: row[8], inputTokens: row[9], outputTokens: row[10],
            costUSD: row[11], userId: row[12], sessionId: row[13],
            experiment: experiment.flatMap { name in variant.map { ExperimentLabel(experiment: name, variant: $0) } },
            model: row[16], promptVersion: row[17], dimensions: StoredJSON.dimensions(row[18])
        )
    }
}
