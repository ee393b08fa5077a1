import Foundation
import GRDB
import LoupeCore
import LoupeStore

extension RollupRow {
    static let selectSQL = """
        SELECT minute, project, service, operation, provider, model, status, error_category, user_id, dims, role,
            span_count, errors, input_tokens, output_tokens, cache_read_tokens, total_tokens, cost_usd, priced,
            unpriced, duration_sum_ms, histogram
        FROM rollups
        """

    static let collapsedGroupColumns = "project, service, operation, provider, model, status, error_category, user_id, dims, role"

    /// One row per key for the whole range; `minute` comes back as the smallest Int64, set by the caller.
    static let collapsedSelectSQL = """
        SELECT -9223372036854775808 AS minute, \(collapsedGroupColumns),
            SUM(span_count) AS span_count, SUM(errors) AS errors, SUM(input_tokens) AS input_tokens,
            SUM(output_tokens) AS output_tokens, SUM(cache_read_tokens) AS cache_read_tokens,
            SUM(total_tokens) AS total_tokens, SUM(cost_usd) AS cost_usd, SUM(priced) AS priced, SUM(unpriced) AS unpriced,
            SUM(duration_sum_ms) AS duration_sum_ms, loupe_hist_merge_all(histogram) AS histogram
        FROM rollups
        """

    init(row: Row, grain: RollupGrain) {
        var measures = RollupMeasures()
        measures.count = row["span_count"]
        measures.errors = row["errors"]
        measures.inputTokens = row["input_tokens"]
        measures.outputTokens = row["output_tokens"]
        measures.cacheReadTokens = row["cache_read_tokens"]
        measures.totalTokens = row["total_tokens"]
        measures.costUSD = row["cost_usd"]
        measures.pricedCalls = row["priced"]
        measures.unpricedCalls = row["unpriced"]
        measures.durationSumMs = row["duration_sum_ms"]
        if let blob: Data = row["histogram"], let histogram = LatencyHistogram(encoded: blob) {
            measures.latency = histogram
        }
        self.init(
            key: RollupKey(
                grain: grain, minute: row["minute"], project: row["project"], service: row["service"],
                operation: row["operation"], provider: row["provider"], model: row["model"], status: row["status"],
                errorCategory: row["error_category"], user: row["user_id"], business: row["dims"],
                role: SpanRole(rawValue: row["role"])
            ),
            measures: measures
        )
    }
}
