import Foundation
import GRDB
import LoupeCore
import LoupeStore

extension RollupRow {
    static let selectSQL = """
        SELECT minute, project, service, operation, provider, model, status, error_category, user_id, dims, role,
            span_count, errors, input_tokens, output_tokens, cache_read_tokens, total_tokens, cost_usd, priced,
            unpriced, duration_sum_ms, histogram, ttft_histogram
        FROM rollups
        """

    /// The rollup columns of the built-in dimensions, as ``RollupKey`` names them.
    static let dimensionColumns: [(TelemetryDimension, String)] = [
        (.project, "project"), (.service, "service"), (.operation, "operation"), (.provider, "provider"), (.model, "model"),
        (.status, "status"), (.errorCategory, "error_category"), (.user, "user_id"),
    ]

    /// A selection that merges rows as `merge` allows, in SQL: one row per step (or per range) and per
    /// kept value. Dimensions not kept read as empty; `keepBusiness` keeps the business labels (needed
    /// to group or filter by one of them, which happens after reading).
    static func mergedSelectSQL(
        _ merge: RollupMerge, fromMinute: Int64, keepBusiness: Bool, from source: String = "rollups"
    ) -> (select: String, groupBy: String) {
        // Minutes and steps are integers from the query, never text from a request.
        let minute = merge.stepMinutes.map { step in
            "\(merge.originMinute) + (minute - \(merge.originMinute)) / \(max(step, 1)) * \(max(step, 1))"
        } ?? "\(fromMinute)"
        var kept = dimensionColumns.filter { merge.keeping.contains($0.0) }.map(\.1)
        if keepBusiness { kept.append("dims") }
        let columns = (dimensionColumns.map(\.1) + ["dims"]).map { kept.contains($0) ? $0 : "'' AS \($0)" }
        let select = """
            SELECT \(minute) AS minute, \(columns.joined(separator: ", ")), role,
                SUM(span_count) AS span_count, SUM(errors) AS errors, SUM(input_tokens) AS input_tokens,
                SUM(output_tokens) AS output_tokens, SUM(cache_read_tokens) AS cache_read_tokens,
                SUM(total_tokens) AS total_tokens, SUM(cost_usd) AS cost_usd, SUM(priced) AS priced, SUM(unpriced) AS unpriced,
                SUM(duration_sum_ms) AS duration_sum_ms, \(merge.latency ? "loupe_hist_merge_all(histogram)" : "NULL") AS histogram,
                \(merge.latency ? "loupe_hist_merge_all(ttft_histogram)" : "NULL") AS ttft_histogram
            FROM \(source)
            """
        return (select, " GROUP BY " + (["1"] + kept + ["role"]).joined(separator: ", "))
    }

    /// The columns a merged selection reads, the same in `rollups` and every ``RollupTier``'s table.
    static let storedColumns = RollupUpsert.keyColumns + [
        "span_count", "errors", "input_tokens", "output_tokens", "cache_read_tokens", "total_tokens", "cost_usd", "priced",
        "unpriced", "duration_sum_ms", "histogram", "ttft_histogram",
    ]

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
        if let blob: Data = row["histogram"], let histogram = blob.withUnsafeBytes({ LatencyHistogram(encodedBuffer: $0) }) {
            measures.latency = histogram
        }
        if let blob: Data = row["ttft_histogram"], let histogram = blob.withUnsafeBytes({ LatencyHistogram(encodedBuffer: $0) }) {
            measures.timeToFirstToken = histogram
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
