import GRDB
import LoupeStore

/// The schema, as append-only migrations. A migration's name and body never change once released.
enum SchemaMigrations {
    /// `progress` hears about long migrations (those that rewrite every row), for a person waiting on them.
    static func migrator(progress: (@Sendable (String) -> Void)? = nil) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-11-21 spans, rollups, traces") { db in
            try db.execute(sql: """
                CREATE TABLE resources (
                    hash TEXT PRIMARY KEY,
                    attributes TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE spans (
                    trace_id TEXT NOT NULL,
                    span_id TEXT NOT NULL,
                    parent_span_id TEXT,
                    project TEXT NOT NULL,
                    service TEXT NOT NULL,
                    name TEXT NOT NULL,
                    operation TEXT NOT NULL,
                    span_kind INTEGER NOT NULL,
                    start_ns INTEGER NOT NULL,
                    end_ns INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    error_type TEXT,
                    error_message TEXT,
                    error_category TEXT,
                    provider TEXT,
                    request_model TEXT,
                    response_model TEXT,
                    input_tokens INTEGER,
                    output_tokens INTEGER,
                    cache_read_tokens INTEGER,
                    cache_write_tokens INTEGER,
                    reasoning_tokens INTEGER,
                    total_tokens INTEGER,
                    counts_usage INTEGER NOT NULL,
                    cost_usd REAL,
                    ttft_ms REAL,
                    finish_reason TEXT,
                    user_id TEXT,
                    session_id TEXT,
                    dimensions TEXT NOT NULL,
                    attributes TEXT NOT NULL,
                    resource_hash TEXT NOT NULL,
                    events TEXT NOT NULL
                );
                CREATE UNIQUE INDEX spans_identity ON spans(trace_id, span_id);
                CREATE INDEX spans_errors ON spans(project, start_ns) WHERE status = 'error';

                CREATE TABLE rollups (
                    grain TEXT NOT NULL,
                    minute INTEGER NOT NULL,
                    project TEXT NOT NULL,
                    service TEXT NOT NULL,
                    operation TEXT NOT NULL,
                    provider TEXT NOT NULL,
                    model TEXT NOT NULL,
                    status TEXT NOT NULL,
                    error_category TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    dims TEXT NOT NULL,
                    requests INTEGER NOT NULL,
                    errors INTEGER NOT NULL,
                    input_tokens INTEGER NOT NULL,
                    output_tokens INTEGER NOT NULL,
                    cache_read_tokens INTEGER NOT NULL,
                    total_tokens INTEGER NOT NULL,
                    cost_usd REAL NOT NULL,
                    unpriced INTEGER NOT NULL,
                    duration_sum_ms REAL NOT NULL,
                    histogram BLOB NOT NULL,
                    PRIMARY KEY (grain, minute, project, service, operation, provider, model, status,
                                 error_category, user_id, dims)
                ) WITHOUT ROWID;

                CREATE TABLE traces (
                    trace_id TEXT PRIMARY KEY,
                    project TEXT NOT NULL,
                    service TEXT NOT NULL,
                    root_name TEXT,
                    start_ns INTEGER NOT NULL,
                    end_ns INTEGER NOT NULL,
                    span_count INTEGER NOT NULL,
                    error_count INTEGER NOT NULL,
                    input_tokens INTEGER NOT NULL,
                    output_tokens INTEGER NOT NULL,
                    cost_usd REAL NOT NULL,
                    user_id TEXT
                ) WITHOUT ROWID;
                CREATE INDEX traces_recent ON traces(start_ns);
                """)
        }
        migrator.registerMigration("2026-11-21 error fingerprints") { db in
            try db.execute(sql: """
                ALTER TABLE spans ADD COLUMN error_fingerprint TEXT;
                CREATE INDEX spans_failures ON spans(start_ns) WHERE status = 'error';
                """)
        }
        migrator.registerMigration("2026-11-22 aggregation watermark") { db in
            // Every span stored so far was aggregated when it was written.
            try db.execute(sql: """
                CREATE TABLE aggregation_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    aggregated_span_rowid INTEGER NOT NULL
                );
                INSERT INTO aggregation_state (id, aggregated_span_rowid) VALUES (1, (SELECT COALESCE(MAX(rowid), 0) FROM spans));
                """)
        }
        migrator.registerMigration("2026-11-22 traces in arrival order") { db in
            // Keyed by trace id, every new trace landed on a random page of the whole table; with
            // rows in arrival order and a narrow unique index, a fold rewrites far fewer pages.
            let columns = "trace_id, project, service, root_name, start_ns, end_ns, span_count, error_count, input_tokens, output_tokens, cost_usd, user_id"
            try db.execute(sql: """
                CREATE TABLE traces_by_arrival (
                    trace_id TEXT NOT NULL,
                    project TEXT NOT NULL,
                    service TEXT NOT NULL,
                    root_name TEXT,
                    start_ns INTEGER NOT NULL,
                    end_ns INTEGER NOT NULL,
                    span_count INTEGER NOT NULL,
                    error_count INTEGER NOT NULL,
                    input_tokens INTEGER NOT NULL,
                    output_tokens INTEGER NOT NULL,
                    cost_usd REAL NOT NULL,
                    user_id TEXT
                );
                INSERT INTO traces_by_arrival (\(columns)) SELECT \(columns) FROM traces ORDER BY start_ns;
                DROP TABLE traces;
                ALTER TABLE traces_by_arrival RENAME TO traces;
                CREATE UNIQUE INDEX traces_identity ON traces(trace_id);
                CREATE INDEX traces_recent ON traces(start_ns);
                """)
        }
        migrator.registerMigration("2026-12-05 rollups by role") { db in
            // Rollups count requests, calls and spans apart (the role column, ``SpanRole``'s bits). Old
            // spans' roles come from parent, kind and operation: whether a parent was remote, and
            // which model spans only wrapped another call, was not recorded then.
            try db.execute(sql: """
                ALTER TABLE spans ADD COLUMN role INTEGER NOT NULL DEFAULT 0;
                UPDATE spans SET role = (CASE WHEN parent_span_id IS NULL OR span_kind IN (2, 5) THEN 1 ELSE 0 END)
                    | (CASE WHEN operation IN ('llm', 'embedding', 'rerank') THEN 2 ELSE 0 END);
                DROP TABLE rollups;
                CREATE TABLE rollups (
                    grain TEXT NOT NULL,
                    minute INTEGER NOT NULL,
                    project TEXT NOT NULL,
                    service TEXT NOT NULL,
                    operation TEXT NOT NULL,
                    provider TEXT NOT NULL,
                    model TEXT NOT NULL,
                    status TEXT NOT NULL,
                    error_category TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    dims TEXT NOT NULL,
                    role INTEGER NOT NULL,
                    span_count INTEGER NOT NULL,
                    errors INTEGER NOT NULL,
                    input_tokens INTEGER NOT NULL,
                    output_tokens INTEGER NOT NULL,
                    cache_read_tokens INTEGER NOT NULL,
                    total_tokens INTEGER NOT NULL,
                    cost_usd REAL NOT NULL,
                    priced INTEGER NOT NULL,
                    unpriced INTEGER NOT NULL,
                    duration_sum_ms REAL NOT NULL,
                    histogram BLOB NOT NULL,
                    PRIMARY KEY (grain, minute, project, service, operation, provider, model, status,
                                 error_category, user_id, dims, role)
                ) WITHOUT ROWID;
                """)
            try RollupRebuild.run(in: db, progress: progress)
        }
        migrator.registerMigration("2026-12-06 call responses and failed calls") { db in
            // A provider response id is claimed by the call stored with it (later reports of the same
            // call step aside, see ``CallResponseClaim``), and each trace counts its failed calls, for the share of requests
            // with a failed call. Old spans keep no response id; old traces count the failed calls
            // already folded in (spans past the watermark are left to crash recovery, like rollups).
            try db.execute(
                sql: """
                    ALTER TABLE spans ADD COLUMN response_id TEXT;
                    CREATE TABLE call_responses (
                        project TEXT NOT NULL,
                        response_id TEXT NOT NULL,
                        service TEXT NOT NULL,
                        start_ns INTEGER NOT NULL,
                        end_ns INTEGER NOT NULL,
                        input_tokens INTEGER,
                        output_tokens INTEGER,
                        PRIMARY KEY (project, response_id)
                    ) WITHOUT ROWID;
                    ALTER TABLE traces ADD COLUMN failed_calls INTEGER NOT NULL DEFAULT 0;
                    UPDATE traces SET failed_calls = (
                        SELECT COUNT(*) FROM spans
                        WHERE spans.trace_id = traces.trace_id AND spans.status = 'error' AND (spans.role & 2) != 0
                            AND spans.rowid <= ?
                    ) WHERE trace_id IN (SELECT trace_id FROM spans WHERE status = 'error');
                    CREATE INDEX traces_with_failed_calls ON traces(start_ns, project, service)
                        WHERE failed_calls > 0 AND root_name IS NOT NULL;
                    """, arguments: [try AggregateWatermark.readRowid(in: db)])
        }
        migrator.registerMigration("2026-12-06 root operations index") { db in
            // The dashboard lists a range's root operations (service and root span name) with their
            // trace counts; this index answers that without reading the traces' rows.
            try db.execute(sql: "CREATE INDEX traces_roots ON traces(start_ns, service, root_name) WHERE root_name IS NOT NULL")
        }
        migrator.registerMigration("2026-12-07 span sequence") { db in
            try SpanSequenceMigration.run(in: db, progress: progress)
        }
        migrator.registerMigration("2026-12-08 failure mode indexes") { db in
            // Failures are few, so indexes over them alone stay small. A failure is counted at its
            // root cause, a failed span none of whose children failed: the first index answers "did
            // a child fail?" in one probe. The second covers every column the failure-mode
            // aggregates read, so they never touch the spans' rows; it starts with the start time,
            // which makes the older index on failures' start times redundant.
            try db.execute(sql: """
                CREATE INDEX spans_failed_children ON spans(trace_id, parent_span_id) WHERE status = 'error';
                CREATE INDEX spans_failure_modes ON spans(
                    start_ns, error_fingerprint, error_category, service, operation, request_model, response_model, user_id,
                    project, provider, trace_id, span_id
                ) WHERE status = 'error';
                DROP INDEX spans_failures;
                """)
        }
        migrator.registerMigration("2026-12-08 time to first token in rollups") { db in
            // Rollups keep a histogram of time to first token beside latency; old rows are rebuilt
            // from the spans, which always kept it.
            try db.execute(sql: "ALTER TABLE rollups ADD COLUMN ttft_histogram BLOB; DELETE FROM rollups;")
            try RollupRebuild.run(in: db, progress: progress)
        }
        migrator.registerMigration("2026-12-08 alert history") { db in
            try db.execute(sql: """
                CREATE TABLE alert_events (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    at_ns INTEGER NOT NULL,
                    alert_id TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    key TEXT NOT NULL,
                    event TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    value REAL,
                    detail TEXT NOT NULL
                );
                CREATE INDEX alert_events_time ON alert_events(at_ns);
                CREATE INDEX alert_events_alert ON alert_events(alert_id, at_ns);
                """)
        }
        migrator.registerMigration("2026-12-08 trace sessions") { db in
            // A user's sessions and a session's traces are read from traces; the session is taken
            // from the first span that names one, as the user is. Spans have no index on sessions,
            // so existing traces are filled in with one pass over the spans that carry one.
            try db.execute(sql: """
                ALTER TABLE traces ADD COLUMN session_id TEXT;
                UPDATE traces SET session_id = (
                    SELECT MIN(session_id) FROM spans WHERE spans.trace_id = traces.trace_id AND session_id IS NOT NULL
                ) WHERE trace_id IN (SELECT trace_id FROM spans WHERE session_id IS NOT NULL);
                CREATE INDEX traces_sessions ON traces(session_id, start_ns) WHERE session_id IS NOT NULL;
                """)
        }
        migrator.registerMigration("2026-12-09 hourly rollups") { db in
            try Self.addTier(.hour, in: db)
        }
        migrator.registerMigration("2026-12-09 daily and ten-minute rollups") { db in
            try Self.addTier(.day, in: db)
            try Self.addTier(.tenMinutes, in: db)
        }
        migrator.registerMigration("2026-12-10 experiments and scores") { db in
            // Traces stored before this keep no experiment: it lives in span attributes, which are
            // JSON text that only a scan of every span could read back. The index holds every column
            // an experiment's comparison reads, so adding up a variant never visits the table, and it
            // orders each variant's requests by start for the newest latencies.
            try db.execute(sql: """
                ALTER TABLE traces ADD COLUMN experiment TEXT;
                ALTER TABLE traces ADD COLUMN variant TEXT;
                CREATE INDEX traces_experiments ON traces(
                    experiment, variant, start_ns, project, end_ns, error_count, cost_usd, user_id, session_id, trace_id
                ) WHERE experiment IS NOT NULL;
                """ + ScoreTable.create)
        }
        migrator.registerMigration("2026-12-10 users' first requests and sessions") { db in
            // Engagement tells new users from returning ones by their first request ever (one seek in
            // traces_users), and reads a range's users and sessions from traces_activity alone.
            try db.execute(sql: """
                CREATE INDEX traces_users ON traces(user_id, start_ns, project) WHERE user_id IS NOT NULL;
                CREATE INDEX traces_activity ON traces(start_ns, user_id, session_id, end_ns, project);
                """)
        }
        migrator.registerMigration("2026-12-11 traces' labels and retrievals") { db in
            // Compared without a declared experiment, and read with their scores by business
            // dimension. Traces stored before keep none: reading them back from span JSON would
            // scan every span. Retrieval steps are kept from now on, in their own tables.
            try db.execute(sql: """
                ALTER TABLE traces ADD COLUMN model TEXT;
                ALTER TABLE traces ADD COLUMN prompt_version TEXT;
                ALTER TABLE traces ADD COLUMN dimensions TEXT;
                """ + RetrievalTables.create)
        }
        migrator.registerMigration("2026-12-11 comparison indexes") { db in
            // Comparing models or prompt versions reads a range's labelled requests from these alone
            // (a range scan, whatever the history's length), as traces_experiments serves experiments,
            // and each arm's newest latencies in start order.
            let columns = "project, service, end_ns, error_count, cost_usd, user_id, session_id, trace_id"
            try db.execute(sql: """
                CREATE INDEX traces_models ON traces(start_ns, model, \(columns)) WHERE model IS NOT NULL;
                CREATE INDEX traces_prompt_versions ON traces(start_ns, prompt_version, \(columns)) WHERE prompt_version IS NOT NULL;
                """)
        }
        migrator.registerMigration("2026-12-12 scores by time with their values") { db in
            // A comparison reads a range's scores with their values and joins them to requests
            // itself (``ExperimentArmReader/scores(_:in:)``): from this index alone, never the table.
            try db.execute(sql: """
                DROP INDEX scores_time;
                CREATE INDEX scores_time ON scores(at_ns, trace_id, session_id, name, kind, number, range_min, range_max);
                """)
        }
        migrator.registerMigration("2026-12-12 access keys and the audit trail") { db in
            try db.execute(sql: AccessKeyTable.create + AuditTable.create)
        }
        migrator.registerMigration("2026-12-13 scores by time with their project") { db in
            // A comparison of one project counts that project's scores only, still from the index alone.
            try db.execute(sql: """
                DROP INDEX scores_time;
                CREATE INDEX scores_time ON scores(at_ns, trace_id, session_id, name, kind, number, range_min, range_max, project);
                """)
        }
        migrator.registerMigration("2026-12-14 log records") { db in
            try db.execute(sql: LogRecordTable.create)
        }
        return migrator
    }

    /// Creates a tier's table and fills it from the rows of the grains it keeps: ranges of days read
    /// whole tier rows, each the sum of the rows it covers (user rows are ten minutes long and sum the same way).
    static func addTier(_ tier: RollupTier, in db: Database) throws {
        let minute = "minute / \(tier.minutes) * \(tier.minutes)"
        let columns = RollupUpsert.keyColumns.map { $0 == "minute" ? minute : $0 }
        let coarser = RollupGrain.allCases.filter(tier.keeps).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE \(tier.table) (
                grain TEXT NOT NULL, minute INTEGER NOT NULL, project TEXT NOT NULL, service TEXT NOT NULL,
                operation TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL, status TEXT NOT NULL,
                error_category TEXT NOT NULL, user_id TEXT NOT NULL, dims TEXT NOT NULL, role INTEGER NOT NULL,
                span_count INTEGER NOT NULL, errors INTEGER NOT NULL, input_tokens INTEGER NOT NULL,
                output_tokens INTEGER NOT NULL, cache_read_tokens INTEGER NOT NULL, total_tokens INTEGER NOT NULL,
                cost_usd REAL NOT NULL, priced INTEGER NOT NULL, unpriced INTEGER NOT NULL, duration_sum_ms REAL NOT NULL,
                histogram BLOB NOT NULL, ttft_histogram BLOB,
                PRIMARY KEY (grain, minute, project, service, operation, provider, model, status,
                             error_category, user_id, dims, role)
            ) WITHOUT ROWID;
            INSERT INTO \(tier.table)
            SELECT \(columns.joined(separator: ", ")), SUM(span_count), SUM(errors), SUM(input_tokens), SUM(output_tokens),
                SUM(cache_read_tokens), SUM(total_tokens), SUM(cost_usd), SUM(priced), SUM(unpriced), SUM(duration_sum_ms),
                loupe_hist_merge_all(histogram), loupe_hist_merge_all(ttft_histogram)
            FROM rollups WHERE grain IN (\(coarser)) GROUP BY \(columns.joined(separator: ", "));
            """)
    }
}
