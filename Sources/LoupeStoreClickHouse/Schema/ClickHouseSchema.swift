/// The store's tables, as migrations applied in order and recorded in `schema_migrations`.
///
/// Every statement runs unchanged on ClickHouse 18.16 (Debian's package) and on current releases,
/// so it uses only what 18.16 has: no column codecs, no TTL, no Map type, no lightweight deletes.
/// See the README next to this file for what newer releases would allow.
enum ClickHouseSchema {
    struct Migration: Sendable {
        let id: String
        let statements: [Statement]
    }

    /// One statement of a migration, and where it runs.
    struct Statement: Sendable {
        let sql: String
        /// On every server of a sharded database (its tables' shards, and the `Distributed` tables
        /// any server answers through), or only on the first (the tables that are not sharded).
        let everyServer: Bool
    }

    /// One server, or a database sharded over a cluster, whose shards may be replicated.
    enum Layout: Sendable {
        case single
        case sharded(cluster: String, database: String, replicated: Bool)

        var isReplicated: Bool {
            if case .sharded(_, _, true) = self { return true }
            return false
        }

        /// The table that holds a server's own rows of `table`: itself on one server, its shard otherwise.
        func local(_ table: String) -> String {
            if case .sharded = self { return table + "_local" }
            return table
        }
    }

    /// Spans, ordered for trace lookups and partitioned by day for time ranges and retention.
    ///
    /// A `ReplacingMergeTree` on the span's identity: the writer skips spans it finds stored, and two
    /// servers that store the same span at once leave two copies only until parts merge. Readers of
    /// whole spans take one copy per span (`LIMIT 1 BY`). Besides the span, each row carries the
    /// values its rollup rows and trace summary need (computed in Swift, once, by the rules every store
    /// shares), so that the views below only add up columns.
    static let spans = ClickHouseTable(
        name: "spans", shardingKey: "cityHash64(trace_id)", columns: """
        (
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
        )
        """, engine: "ReplacingMergeTree", keys: """
        PARTITION BY toYYYYMMDD(toDateTime(intDiv(start_ns, 1000000000)))
        ORDER BY (trace_id, span_id)
        """
    )

    /// Rollup rows of every grain. A `SummingMergeTree` adds rows of one key as parts merge, and the
    /// `…Map` nested columns (latency histogram buckets) are merged key by key, as `sumMap` does on read.
    static let rollups = ClickHouseTable(
        name: "rollups", shardingKey: "rand()", columns: """
        (
            grain String, minute Int64, project String, service String, operation String, provider String,
            model String, status String, error_category String, user String, business String, role UInt8, measured UInt8,
            count Int64, errors Int64, input_tokens Int64, output_tokens Int64, cache_read_tokens Int64,
            total_tokens Int64, cost_usd Float64, priced_calls Int64, unpriced_calls Int64, duration_sum_ms Float64,
            latencyMap Nested(bucket Int16, n UInt64),
            ttftMap Nested(bucket Int16, n UInt64)
        )
        """, engine: "SummingMergeTree", keys: """
        PARTITION BY toYYYYMMDD(toDateTime(minute * 60))
        ORDER BY (grain, project, minute, service, operation, provider, model, status, error_category, user, business, role, measured)
        """
    )

    /// One grain's rollup rows of spans, as SQL adds them up: the view below runs it on each span
    /// insert, and the rebuild of rollups on stored spans.
    struct RollupGrainSelect {
        let grain: String
        let minute: String
        let errorCategory: String
        let user: String
        let business: String

        static let all = [
            RollupGrainSelect(grain: "core", minute: "minute", errorCategory: "error_category_key", user: "''", business: "''"),
            RollupGrainSelect(grain: "business", minute: "minute", errorCategory: "error_category_key", user: "''", business: "business"),
            RollupGrainSelect(grain: "user", minute: "user_minute", errorCategory: "''", user: "user_key", business: "''"),
        ]

        /// The select over `source` (a table, or a subquery in parentheses).
        func select(from source: String) -> String {
            """
            SELECT
                '\(grain)' AS grain, \(minute) AS minute, project, service, operation, provider_key AS provider, model_key AS model,
                status_key AS status, \(errorCategory) AS error_category, \(user) AS user, \(business) AS business, role,
                toUInt8(0) AS measured, toInt64(count()) AS count, toInt64(sum(is_error)) AS errors, sum(counted_input) AS input_tokens,
                sum(counted_output) AS output_tokens, sum(counted_cache_read) AS cache_read_tokens, sum(counted_total) AS total_tokens,
                sum(counted_cost) AS cost_usd, toInt64(sum(priced)) AS priced_calls, toInt64(sum(unpriced)) AS unpriced_calls,
                sum(duration_ms) AS duration_sum_ms,
                tupleElement(sumMap([latency_bucket], [toUInt64(1)]), 1) AS `latencyMap.bucket`,
                tupleElement(sumMap([latency_bucket], [toUInt64(1)]), 2) AS `latencyMap.n`,
                tupleElement(sumMap(if(ttft_bucket >= 0, [ttft_bucket], emptyArrayInt16()), if(ttft_bucket >= 0, [toUInt64(1)], emptyArrayUInt64())), 1) AS `ttftMap.bucket`,
                tupleElement(sumMap(if(ttft_bucket >= 0, [ttft_bucket], emptyArrayInt16()), if(ttft_bucket >= 0, [toUInt64(1)], emptyArrayUInt64())), 2) AS `ttftMap.n`
            FROM \(source)
            GROUP BY \(minute), project, service, operation, provider_key, model_key, status_key, \(errorCategory), \(user), \(business), role
            """
        }

        /// The view that folds inserted spans into this grain's rows, inside the span insert:
        /// ClickHouse computes rollups itself, so they cannot fall behind the spans. Sharded, each
        /// shard folds its own spans into its own rows.
        func view(_ layout: Layout) -> Statement {
            Statement(
                sql: "CREATE MATERIALIZED VIEW IF NOT EXISTS rollups_\(grain)_view TO \(layout.local("rollups")) AS "
                    + select(from: layout.local("spans")),
                everyServer: true
            )
        }
    }

    /// GenAI events and other log records in a trace's context, one copy per record id.
    static let logRecords = ClickHouseTable(
        name: "log_records", shardingKey: "cityHash64(trace_id)", columns: """
        (
            project String, id String, service String, trace_id String, span_id String, time_ns Int64,
            severity Int32, severity_text Nullable(String), event_name Nullable(String), body Nullable(String),
            attributes String, scope Nullable(String)
        )
        """, engine: "ReplacingMergeTree", keys: """
        PARTITION BY toYYYYMMDD(toDateTime(intDiv(time_ns, 1000000000)))
        ORDER BY (trace_id, id)
        """
    )

    /// Scores, one per id once parts merge; readers take each id's last write (`written`).
    static let scores = ClickHouseTable(
        name: "scores", shardingKey: "cityHash64(id)", columns: """
        (
            id String, project String, trace_id String, span_id String, session_id String, name String, kind String,
            number Nullable(Float64), label Nullable(String), range_min Nullable(Float64), range_max Nullable(Float64),
            comment Nullable(String), user_id Nullable(String), source String, at_ns Int64, written Int64
        )
        """, engine: "ReplacingMergeTree", engineArguments: ["written"], keys: """
        PARTITION BY toYYYYMM(toDateTime(intDiv(at_ns, 1000000000)))
        ORDER BY id
        """
    )

    /// Alert state changes, appended and never changed; `seq` keeps the order of one instant's events.
    static let alertEvents = ClickHouseTable(
        name: "alert_events", shardingKey: nil, columns: """
        (
            at_ns Int64, seq Int64, alert_id String, rule String, key String, event String, severity String,
            value Nullable(Float64), detail String
        )
        """, engine: "MergeTree", keys: """
        PARTITION BY toYYYYMM(toDateTime(intDiv(at_ns, 1000000000)))
        ORDER BY (at_ns, seq)
        """
    )

    /// Retrieval and reranking steps, with their documents in rank order as parallel arrays.
    static let retrievals = ClickHouseTable(
        name: "retrievals", shardingKey: "cityHash64(trace_id)", columns: """
        (
            trace_id String, span_id String, project String, start_ns Int64, rerank UInt8,
            document_ids Array(String), document_has_id Array(UInt8), document_scores Array(Float64), document_has_score Array(UInt8)
        )
        """, engine: "ReplacingMergeTree", keys: """
        PARTITION BY toYYYYMMDD(toDateTime(intDiv(start_ns, 1000000000)))
        ORDER BY (trace_id, span_id)
        """
    )

    /// API keys (only their SHA-256); a revocation is a newer version of the key's row.
    static let accessKeys = ClickHouseTable(
        name: "access_keys", shardingKey: nil, columns: """
        (
            id String, name String, scope String, project Nullable(String), secret_hash String, created_ns Int64,
            revoked_ns Nullable(Int64), version Int64
        )
        """, engine: "ReplacingMergeTree", engineArguments: ["version"], keys: """
        ORDER BY id
        """
    )

    /// The audit trail: a hash chain, appended to and never changed.
    static let auditLog = ClickHouseTable(
        name: "audit_log", shardingKey: nil, columns: """
        (
            seq Int64, at_ns Int64, actor String, action String, target String, client String, detail String,
            previous_hash String, hash String
        )
        """, engine: "MergeTree", keys: """
        ORDER BY seq
        """
    )

    /// Leases on background work: each take or renewal is a newer version of the lease's row.
    static let leases = ClickHouseTable(
        name: "leases", shardingKey: nil, columns: """
        (
            name String, holder String, until_ns Int64, version Int64
        )
        """, engine: "ReplacingMergeTree", engineArguments: ["version"], keys: """
        ORDER BY name
        """
    )

    /// Span inserts that failed part-way, waiting to be repaired (``InterruptedWrite``).
    static let interruptedWrites = ClickHouseTable(
        name: "interrupted_writes", shardingKey: nil, columns: """
        (
            id String, failed_ns Int64, from_minute Int64, to_minute Int64, trace_ids Array(String), every_trace UInt8
        )
        """, engine: "MergeTree", keys: """
        ORDER BY failed_ns
        """
    )

    /// How far `loupe migrate` got, per source and step, so that an interrupted run resumes.
    static let migrationProgress = ClickHouseTable(
        name: "migration_progress", shardingKey: nil, columns: """
        (
            source String, step String, position Int64, version Int64
        )
        """, engine: "ReplacingMergeTree", engineArguments: ["version"], keys: """
        ORDER BY (source, step)
        """
    )

    /// Trace summaries' partial aggregates (``TracePartColumns``), one row per trace per span
    /// insert until parts merge; a trace's rows live on its spans' shard.
    static let traceParts = ClickHouseTable(
        name: "trace_parts", shardingKey: "cityHash64(trace_id)", columns: TracePartColumns.columns, engine: "AggregatingMergeTree",
        keys: "ORDER BY trace_id"
    )

    /// The view that folds each span insert into `trace_parts`.
    static func tracePartsView(_ layout: Layout) -> Statement {
        Statement(
            sql: "CREATE MATERIALIZED VIEW IF NOT EXISTS trace_parts_view TO \(layout.local("trace_parts")) AS "
                + TracePartColumns.select(from: layout.local("spans")),
            everyServer: true
        )
    }

    /// The tables of the data, sharded over a cluster.
    static let data = [spans, rollups, logRecords, scores, retrievals, traceParts]
    /// The others: on the first server, or on every server as replicas of one copy.
    static let control = [alertEvents, accessKeys, auditLog, leases, migrationProgress, interruptedWrites]
    static let dataTables = data.map(\.name)

    /// The store is new: one migration creates it; later changes come as migrations of their own.
    static func migrations(_ layout: Layout) -> [Migration] {
        [
            Migration(
                id: "2026-12-07 the store's tables",
                statements: data.flatMap { $0.statements(layout) } + RollupGrainSelect.all.map { $0.view(layout) }
                    + [tracePartsView(layout)] + control.flatMap { $0.statements(layout) }
            )
        ]
    }

    /// The columns a rollup select gives, in order, for `INSERT … SELECT` (which matches by position).
    static let rollupColumns = """
        grain, minute, project, service, operation, provider, model, status, error_category, user, business, role, measured, count, errors,
        input_tokens, output_tokens, cache_read_tokens, total_tokens, cost_usd, priced_calls, unpriced_calls, duration_sum_ms,
        latencyMap.bucket, latencyMap.n, ttftMap.bucket, ttftMap.n
        """
}
