import Foundation
import GRDB
import LoupeCore
import LoupeStore

/// Adds a batch's rollup deltas to the stored rows, merging histograms in SQL: to the rows of their
/// own resolution in `rollups`, and to the rows that cover them in each ``RollupTier``, in the same
/// transaction, so a coarser row is always the sum of its minutes.
enum RollupUpsert {
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
    private static let tierSQL = Dictionary(uniqueKeysWithValues: RollupTier.allCases.map { ($0, sql($0.table)) })

    static func apply(_ rollups: RollupAggregator, in db: Database, tiers: [RollupTier] = RollupTier.allCases) throws {
        try apply(rows: rollups.rows, in: db, tiers: tiers)
    }

    /// - Parameter tiers: all but for a migration that runs before some tier's table exists.
    static func apply(rows: [RollupKey: RollupMeasures], in db: Database, tiers: [RollupTier] = RollupTier.allCases) throws {
        guard !rows.isEmpty else { return }
        try write(rows, sql: minuteSQL, in: db)
        for tier in tiers {
            var covering: [RollupKey: RollupMeasures] = [:]
            for (key, m) in rows where tier.keeps(key.grain) {
                covering[key.at(minute: UnixMinute.floorDivide(key.minute, tier.minutes) * tier.minutes), default: RollupMeasures()].merge(m)
            }
            if let sql = tierSQL[tier] { try write(covering, sql: sql, in: db) }
        }
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
