/// The store's tables, as migrations applied in order and recorded in `schema_migrations`.
///
/// Every statement runs unchanged on ClickHouse 18.16 (Debian's package) and on current releases,
/// so it uses only what 18.16 has: no column codecs, no TTL, no Map type, no lightweight deletes.
/// See the README next to this file for what newer releases would allow.
enum ClickHouseSchema {
    struct Migration: Sendable {
        let id: String
        let statements: [String]
    }

    /// Spans, ordered for trace lookups and partitioned by day for time ranges and retention.
    ///
    /// A `ReplacingMergeTree` on the span's identity: the writer skips spans it finds stored, and two
    /// servers that store the same span at once leave two copies only until parts merge. Readers of
    /// whole spans take one copy per span (`LIMIT 1 BY`). Besides the span, each row carries the
    /// values its rollup rows and trace summary need (computed in Swift, once, by the rules every store
    /// shares), so that the views below only add up columns.
    static let spans = """
        CREATE TABLE IF NOT EXISTS spans (
            project String, trace_id String, span_id String, parent_span_id Nullable(String),
            service String, name String, operation String, span_kind Int8, role UInt8,
            start_ns Int64, end_ns Int64, status String,
            error_type Nullable(String), error_message Nullable(String), error_category Nullable(String),
            error_fingerprint Nullable(String), provider Nullable(String),
            request_model Nullable(String), response_model Nullable(String),
            input_tokens Nullable(Int64), output_tokens Nullable(Int64), cache_read_tokens Nullable(Int64),
            cache_write_tokens Nullable(Int64), reasoning_tokens Nullable(Int64), total_tokens Nullable(Int64),
            counts_usage UInt8, cost_usd Nullable(Float64), ttft_ms Nullable(Float64), finish_reason Nullable(String),
            response_id Nullable(String), user_id Nullable(String), session_id Nullable(String),
            dimensions String, attributes String, resource String, events String,
            arrival Int64,
            minute Int64, user_minute Int64, status_key String, error_category_key String, model_key String,
            provider_key String, user_key String, business String, is_error UInt8, duration_ms Float64,
            latency_bucket Int16, ttft_bucket Int16,
            counted_input Int64, counted_output Int64, counted_cache_read Int64, counted_total Int64,
            counted_cost Float64, priced UInt8, unpriced UInt8,
            is_root UInt8, failed_call UInt8, usage_reported UInt8, trace_model String, experiment String, variant String, prompt_version String
        ) ENGINE = ReplacingMergeTree
        PARTITION BY toYYYYMMDD(toDateTime(intDiv(start_ns, 1000000000)))
        ORDER BY (trace_id, span_id)
        """

    /// Rollup rows of every grain. A `SummingMergeTree` adds rows of one key as parts merge, and the
    /// `…Map` nested columns (latency histogram buckets) are merged key by key, as `sumMap` does on read.
    static let rollups = """
        CREATE TABLE IF NOT EXISTS rollups (
            grain String, minute Int64, project String, service String, operation String, provider String,
            model String, status String, error_category String, user String, business String, role UInt8,
            count Int64, errors Int64, input_tokens Int64, output_tokens Int64, cache_read_tokens Int64,
            total_tokens Int64, cost_usd Float64, priced_calls Int64, unpriced_calls Int64, duration_sum_ms Float64,
            latencyMap Nested(bucket Int16, n UInt64),
            ttftMap Nested(bucket Int16, n UInt64)
        ) ENGINE = SummingMergeTree
        PARTITION BY toYYYYMMDD(toDateTime(minute * 60))
        ORDER BY (grain, project, minute, service, operation, provider, model, status, error_category, user, business, role)
        """

    /// The view that folds inserted spans into one grain's rows, inside the span insert: ClickHouse
    /// computes rollups itself, so they cannot fall behind the spans.
    static func rollupView(grain: String, minute: String, errorCategory: String, user: String, business: String) -> String {
        """
        CREATE MATERIALIZED VIEW IF NOT EXISTS rollups_\(grain)_view TO rollups AS SELECT
            '\(grain)' AS grain, \(minute) AS minute, project, service, operation, provider_key AS provider, model_key AS model,
            status_key AS status, \(errorCategory) AS error_category, \(user) AS user, \(business) AS business, role,
            toInt64(count()) AS count, toInt64(sum(is_error)) AS errors, sum(counted_input) AS input_tokens,
            sum(counted_output) AS output_tokens, sum(counted_cache_read) AS cache_read_tokens, sum(counted_total) AS total_tokens,
            sum(counted_cost) AS cost_usd, toInt64(sum(priced)) AS priced_calls, toInt64(sum(unpriced)) AS unpriced_calls,
            sum(duration_ms) AS duration_sum_ms,
            tupleElement(sumMap([latency_bucket], [toUInt64(1)]), 1) AS `latencyMap.bucket`,
            tupleElement(sumMap([latency_bucket], [toUInt64(1)]), 2) AS `latencyMap.n`,
            tupleElement(sumMap(if(ttft_bucket >= 0, [ttft_bucket], emptyArrayInt16()), if(ttft_bucket >= 0, [toUInt64(1)], emptyArrayUInt64())), 1) AS `ttftMap.bucket`,
            tupleElement(sumMap(if(ttft_bucket >= 0, [ttft_bucket], emptyArrayInt16()), if(ttft_bucket >= 0, [toUInt64(1)], emptyArrayUInt64())), 2) AS `ttftMap.n`
        FROM spans
        GROUP BY \(minute), project, service, operation, provider_key, model_key, status_key, \(errorCategory), \(user), \(business), role
        """
    }

    /// GenAI events and other log records in a trace's context, one copy per record id.
    static let logRecords = """
        CREATE TABLE IF NOT EXISTS log_records (
            project String, id String, service String, trace_id String, span_id String, time_ns Int64,
            severity Int32, severity_text Nullable(String), event_name Nullable(String), body Nullable(String),
            attributes String, scope Nullable(String)
        ) ENGINE = ReplacingMergeTree
        PARTITION BY toYYYYMMDD(toDateTime(intDiv(time_ns, 1000000000)))
        ORDER BY (trace_id, id)
        """

    /// Scores, one per id once parts merge; readers take each id's last write (`written`).
    static let scores = """
        CREATE TABLE IF NOT EXISTS scores (
            id String, project String, trace_id String, span_id String, session_id String, name String, kind String,
            number Nullable(Float64), label Nullable(String), range_min Nullable(Float64), range_max Nullable(Float64),
            comment Nullable(String), user_id Nullable(String), source String, at_ns Int64, written Int64
        ) ENGINE = ReplacingMergeTree(written)
        PARTITION BY toYYYYMM(toDateTime(intDiv(at_ns, 1000000000)))
        ORDER BY id
        """

    /// Alert state changes, appended and never changed; `seq` keeps the order of one instant's events.
    static let alertEvents = """
        CREATE TABLE IF NOT EXISTS alert_events (
            at_ns Int64, seq Int64, alert_id String, rule String, key String, event String, severity String,
            value Nullable(Float64), detail String
        ) ENGINE = MergeTree
        PARTITION BY toYYYYMM(toDateTime(intDiv(at_ns, 1000000000)))
        ORDER BY (at_ns, seq)
        """

    /// Retrieval and reranking steps, with their documents in rank order as parallel arrays.
    static let retrievals = """
        CREATE TABLE IF NOT EXISTS retrievals (
            trace_id String, span_id String, project String, start_ns Int64, rerank UInt8,
            document_ids Array(String), document_has_id Array(UInt8), document_scores Array(Float64), document_has_score Array(UInt8)
        ) ENGINE = ReplacingMergeTree
        PARTITION BY toYYYYMMDD(toDateTime(intDiv(start_ns, 1000000000)))
        ORDER BY (trace_id, span_id)
        """

    static let migrations: [Migration] = [
        Migration(
            id: "2026-12-07 spans, rollups and log records",
            statements: [
                spans, rollups,
                rollupView(grain: "core", minute: "minute", errorCategory: "error_category_key", user: "''", business: "''"),
                rollupView(grain: "business", minute: "minute", errorCategory: "error_category_key", user: "''", business: "business"),
                rollupView(grain: "user", minute: "user_minute", errorCategory: "''", user: "user_key", business: "''"),
                logRecords,
            ]
        ),
        Migration(id: "2026-12-07 scores and alert history", statements: [scores, alertEvents]),
        Migration(id: "2026-12-07 retrieval steps", statements: [retrievals]),
    ]
}
