import Foundation
import GRDB
import LoupeCore
import LoupeStore

/// Adds a batch's rollup deltas to the stored rows, merging histograms in SQL: to the rows of their
/// own resolution in `rollups`, and to their hour's row in `rollups_hourly`, which long ranges read
/// (a week of hourly rows is sixty times fewer than of minutes). The two tables change in the same
/// transaction, so an hour's row is always the sum of its minutes.
enum RollupUpsert {
    static let hourlyTable = "rollups_hourly"

    static let keyColumns = [
        "grain", "minute", "project", "service", "operation", "provider", "model", "status", "error_category",
        "user_id", "dims", "role",
    ]

    private static func sql(_ table: String) -> String { """
        INSERT INTO \(table) (\(keyColumns.joined(separator: ", ")), span_count, errors, input_tokens, output_tokens,
            cache_read_tokens, total_tokens, cost_usd, priced, unpriced, duration_sum_ms, histogram, ttft_histogram)
        VALUES (\(Array(repeating: "?", count: keyColumns.count + 12).joined(separator: ", ")))
        ON CONFLICT (\(keyColumns.joined(separator: ", "))) DO UPDATE SET
            span_count = span_count + excluded.span_count,
            errors = errors + excluded.errors,
            input_tokens = input_tokens + excluded.input_tokens,
            output_tokens = output_tokens + excluded.output_tokens,
            cache_read_tokens = cache_read_tokens + excluded.cache_read_tokens,
            total_tokens = total_tokens + excluded.total_tokens,
            cost_usd = cost_usd + excluded.cost_usd,
            priced = priced + excluded.priced,
            unpriced = unpriced + excluded.unpriced,
            duration_sum_ms = duration_sum_ms + excluded.duration_sum_ms,
            histogram = loupe_hist_merge(histogram, excluded.histogram),
            ttft_histogram = loupe_hist_merge(ttft_histogram, excluded.ttft_histogram)
        """
    }

    private static let minuteSQL = sql("rollups")
    private static let hourSQL = sql(hourlyTable)

    static func apply(_ rollups: RollupAggregator, in db: Database, hourly: Bool = true) throws {
        try apply(rows: rollups.rows, in: db, hourly: hourly)
    }

    /// - Parameter hourly: false only for a migration that runs before `rollups_hourly` exists.
    static func apply(rows: [RollupKey: RollupMeasures], in db: Database, hourly: Bool = true) throws {
        guard !rows.isEmpty else { return }
        try write(rows, sql: minuteSQL, in: db)
        guard hourly else { return }
        var hours: [RollupKey: RollupMeasures] = [:]
        for (key, m) in rows {
            hours[key.at(minute: UnixMinute.floorDivide(key.minute, 60) * 60), default: RollupMeasures()].merge(m)
        }
        try write(hours, sql: hourSQL, in: db)
    }

    private static func write(_ rows: [RollupKey: RollupMeasures], sql: String, in db: Database) throws {
        let statement = try db.cachedStatement(sql: sql)
        for (key, m) in rows {
            let values: [(any DatabaseValueConvertible)?] = [
                key.grain.rawValue, key.minute, key.project, key.service, key.operation, key.provider, key.model,
                key.status, key.errorCategory, key.user, key.business, key.role.rawValue, m.count, m.errors,
                m.inputTokens, m.outputTokens, m.cacheReadTokens, m.totalTokens, m.costUSD, m.pricedCalls,
                m.unpricedCalls, m.durationSumMs,
                Data(m.latency.encoded()),
                // Most spans stream nothing: no bytes for an empty histogram.
                m.timeToFirstToken.count > 0 ? Data(m.timeToFirstToken.encoded()) : nil,
            ]
            statement.setUncheckedArguments(StatementArguments(values))
            try statement.execute()
        }
    }
}
