import LoupeCore
import LoupeStore

/// Rollup rows written directly, for measures that arrive without spans (metric data points).
enum RollupRows {
    /// `measured`: 1 for a metric's data points, 2 for rows copied from another store (``ClickHouseTelemetryStore/importRollups(_:)``).
    static func encode(_ rows: some Sequence<(key: RollupKey, value: RollupMeasures)>, measured: Int64 = 1) -> JSONEachRowWriter {
        var out = JSONEachRowWriter()
        for (key, m) in rows {
            out.beginRow()
            out.field("grain", key.grain.rawValue)
            out.field("minute", key.minute)
            out.field("project", key.project)
            out.field("service", key.service)
            out.field("operation", key.operation)
            out.field("provider", key.provider)
            out.field("model", key.model)
            out.field("status", key.status)
            out.field("error_category", key.errorCategory)
            out.field("user", key.user)
            out.field("business", key.business)
            out.field("role", Int64(key.role.rawValue))
            // Kept apart from rows of spans, which a rebuild from spans replaces.
            out.field("measured", measured)
            out.field("count", m.count)
            out.field("errors", m.errors)
            out.field("input_tokens", m.inputTokens)
            out.field("output_tokens", m.outputTokens)
            out.field("cache_read_tokens", m.cacheReadTokens)
            out.field("total_tokens", m.totalTokens)
            out.field("cost_usd", m.costUSD)
            out.field("priced_calls", m.pricedCalls)
            out.field("unpriced_calls", m.unpricedCalls)
            out.field("duration_sum_ms", m.durationSumMs)
            out.histogram("latencyMap.bucket", "latencyMap.n", m.latency)
            out.histogram("ttftMap.bucket", "ttftMap.n", m.timeToFirstToken)
            out.endRow()
        }
        return out
    }
}
