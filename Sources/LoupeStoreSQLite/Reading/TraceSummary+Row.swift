import GRDB
import LoupeStore

extension TraceSummary {
    init(row: Row) {
        self.init(
            traceId: row["trace_id"], project: row["project"], service: row["service"], rootName: row["root_name"],
            startNanos: row["start_ns"], endNanos: row["end_ns"], spanCount: row["span_count"],
            errorCount: row["error_count"], failedCalls: row["failed_calls"], inputTokens: row["input_tokens"], outputTokens: row["output_tokens"],
            costUSD: row["cost_usd"], userId: row["user_id"], sessionId: row["session_id"]
        )
    }
}
