import LoupeCore
import LoupeStore

/// Rollup rows, added up by ClickHouse: sums for the measures, `sumMap` for the histograms' buckets.
enum RollupSelect {
    /// Built-in dimensions and the column each is kept in.
    static let columns: [(TelemetryDimension, String)] = [
        (.project, "project"), (.service, "service"), (.operation, "operation"), (.provider, "provider"), (.model, "model"),
        (.status, "status"), (.errorCategory, "error_category"), (.user, "user"),
    ]

    static func sql(_ query: RollupQuery) -> String {
        var conditions = [
            "grain = \(ClickHouseSQL.string(query.grain.rawValue))", "minute >= \(query.fromMinute)", "minute < \(query.toMinute)",
        ]
        for (dimension, column) in columns {
            if let value = query.filters[dimension] { conditions.append("\(column) = \(ClickHouseSQL.string(value))") }
        }
        let merge = query.merge
        let minute: String
        if let merge {
            minute = merge.stepMinutes.map { step in
                step > 0 ? "\(merge.originMinute) + intDiv(minute - \(merge.originMinute), \(step)) * \(step)" : "toInt64(\(query.fromMinute))"
            } ?? "toInt64(\(query.fromMinute))"
        } else {
            minute = "minute"
        }
        func kept(_ dimension: TelemetryDimension, _ column: String) -> String {
            merge == nil || merge?.keeping.contains(dimension) == true || query.filters[dimension] != nil ? column : "''"
        }
        // Business values share one column; it is kept whole when any of them is kept or filtered on.
        let business = merge == nil || merge!.keeping.contains { !$0.isBuiltIn } || query.filters.keys.contains { !$0.isBuiltIn }
        let keys = columns.map { kept($0.0, $0.1) + " AS k_\($0.1)" } + [(business ? "business" : "''") + " AS k_business", "role AS k_role"]
        let latency = merge?.latency ?? true
        return """
            SELECT \(minute) AS k_minute, \(keys.joined(separator: ", ")),
                sum(count) AS m_count, sum(errors) AS m_errors, sum(input_tokens) AS m_input, sum(output_tokens) AS m_output,
                sum(cache_read_tokens) AS m_cache_read, sum(total_tokens) AS m_total, sum(cost_usd) AS m_cost,
                sum(priced_calls) AS m_priced, sum(unpriced_calls) AS m_unpriced, sum(duration_sum_ms) AS m_duration
                \(latency ? ", sumMap(latencyMap.bucket, latencyMap.n) AS m_latency" : "")
                , sumMap(ttftMap.bucket, ttftMap.n) AS m_ttft
            FROM rollups WHERE \(conditions.joined(separator: " AND "))
            GROUP BY k_minute, \((columns.map { "k_\($0.1)" } + ["k_business", "k_role"]).joined(separator: ", "))
            """
    }

    static func row(_ row: ClickHouseRow, grain: RollupGrain) -> RollupRow {
        func key(_ column: String) -> String { row.string("k_" + column) ?? "" }
        let rollupKey = RollupKey(
            grain: grain, minute: row.int("k_minute") ?? 0, project: key("project"), service: key("service"),
            operation: key("operation"), provider: key("provider"), model: key("model"), status: key("status"),
            errorCategory: key("error_category"), user: key("user"), business: key("business"),
            role: SpanRole(rawValue: Int(row.int("k_role") ?? 0))
        )
        var measures = RollupMeasures()
        measures.count = row.int("m_count") ?? 0
        measures.errors = row.int("m_errors") ?? 0
        measures.inputTokens = row.int("m_input") ?? 0
        measures.outputTokens = row.int("m_output") ?? 0
        measures.cacheReadTokens = row.int("m_cache_read") ?? 0
        measures.totalTokens = row.int("m_total") ?? 0
        measures.costUSD = row.double("m_cost") ?? 0
        measures.pricedCalls = row.int("m_priced") ?? 0
        measures.unpricedCalls = row.int("m_unpriced") ?? 0
        measures.durationSumMs = row.double("m_duration") ?? 0
        for (bucket, n) in row.map("m_latency") { measures.latency.add(bucket: bucket, count: n) }
        for (bucket, n) in row.map("m_ttft") { measures.timeToFirstToken.add(bucket: bucket, count: n) }
        return RollupRow(key: rollupKey, measures: measures)
    }
}
