import AsyncHTTPClient
import Foundation
import LoupeCore
import LoupeStore
import NIOCore

/// The scale-out store: spans, rollups and log records in ClickHouse, over its HTTP interface.
///
/// Any number of Loupe servers may write one ClickHouse at once: ClickHouse computes the rollups
/// and the trace summaries' partial aggregates itself (materialized views, inside each span
/// insert), so no server holds state another needs. What differs from the SQLite store is
/// written down in the README next to this file: chiefly, two servers that store the same span at
/// the same moment keep two copies until parts merge.
public final class ClickHouseTelemetryStore: TelemetryStore {
    /// The server queries and inserts go to (the first one of a sharded database).
    let client: ClickHouseClient
    /// Every server, the first one first.
    let servers: [ClickHouseClient]
    /// One server of each shard, the first one first: statements that change a server's own rows
    /// (mutations, merges) run on each, and a replicated table passes them on to its other replicas.
    let shardServers: [ClickHouseClient]
    let layout: ClickHouseSchema.Layout
    /// Arrival order of spans, in nanoseconds: the trace summary's "first span to name it" fields.
    let now: @Sendable () -> Int64
    /// Key changes and audit appends, one at a time (see the access extension).
    let accessLock = AsyncLock()
    /// Span inserts that failed part-way, until they are kept in ClickHouse to be repaired.
    let interruptedWrites: InterruptedWrites
    /// This store's name as a lease holder.
    let holder = UUID().uuidString

    /// Connects, creating the database and applying migrations; `timeout` bounds each statement.
    public static func open(
        _ endpoint: ClickHouseEndpoint, http: HTTPClient = .shared, timeout: Duration = .seconds(30),
        now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1_000_000_000) }
    ) async throws -> ClickHouseTelemetryStore {
        var endpoint = endpoint
        endpoint.insertQuorum = endpoint.replicated ? endpoint.insertQuorum : nil
        func clients(taking turns: AsyncLock? = nil) -> [ClickHouseClient] {
            endpoint.servers.map { ClickHouseClient(endpoint: endpoint.on(server: $0), http: http, timeout: TimeAmount(timeout), quorumTurns: turns) }
        }
        var servers = clients()
        let layout: ClickHouseSchema.Layout = endpoint.cluster.map {
            .sharded(cluster: $0, database: endpoint.database, replicated: endpoint.replicated)
        } ?? .single
        try await ClickHouseMigrator(servers: servers, layout: layout).migrate()
        var shardServers = servers
        if layout.isReplicated {
            let replication = try await ClickHouseReplication.read(for: endpoint, from: servers[0])
            endpoint.insertQuorum = replication.insertQuorum
            servers = clients(taking: replication.oneAtATime ? AsyncLock() : nil)
            shardServers = try await ClickHouseReplication.oneServerPerShard(servers)
        }
        return ClickHouseTelemetryStore(
            servers: servers, shardServers: shardServers, layout: layout, repairAfter: endpoint.repairAfter, now: now
        )
    }

    init(
        servers: [ClickHouseClient], shardServers: [ClickHouseClient], layout: ClickHouseSchema.Layout, repairAfter: Duration,
        now: @escaping @Sendable () -> Int64
    ) {
        self.client = servers[0]
        self.servers = servers
        self.shardServers = shardServers
        self.layout = layout
        self.interruptedWrites = InterruptedWrites(settle: repairAfter)
        self.now = now
    }

    // MARK: Writing

    public func write(_ batch: SpanBatch) async throws -> WriteOutcome {
        var outcome = WriteOutcome()
        let spans = Array(batch.segments.joined())
        if !spans.isEmpty {
            var admission = try await SpanAdmission.reading(for: spans, from: client)
            var stored: [SpanRecord] = [], texts: [SpanText] = []
            // The texts the batch encoded on the receiving thread (``SpanBatch/texts``), not encoded again here.
            for (var span, text) in zip(spans, batch.texts.joined()) where admission.admit(&span, outcome: &outcome) {
                span.documents = nil
                stored.append(span)
                texts.append(text)
            }
            do {
                try await client.insert(into: "spans", rows: SpanRows.encode(stored, texts: texts, firstArrival: now()).buffer)
            } catch {
                interruptedWrites.note(stored, failedNanos: now())
                throw error
            }
            // The steps of spans stored now: a step sent again keeps its first copy, as its span does.
            let new = Set(stored.map { SpanKey(traceId: $0.traceId, spanId: $0.spanId) })
            let steps = batch.retrievals.filter { new.contains(SpanKey(traceId: $0.traceId, spanId: $0.spanId)) }
            if !steps.isEmpty { try await client.insert(into: "retrievals", rows: RetrievalRows.encode(steps).buffer) }
        }
        if !batch.measuredRollups.isEmpty {
            try await client.insert(into: "rollups", rows: RollupRows.encode(batch.measuredRollups.rows).buffer)
        }
        if !batch.logs.isEmpty {
            try await client.insert(into: "log_records", rows: LogRows.encode(batch.logs).buffer)
        }
        if !batch.scores.isEmpty { _ = try await writeScores(batch.scores) }
        return outcome
    }

    private struct SpanKey: Hashable {
        var traceId: String
        var spanId: String
    }

    // MARK: Reading

    public func rollups(_ query: RollupQuery) async throws -> [RollupRow] {
        let business = query.filters.filter { !$0.key.isBuiltIn }
        return try await client.select(RollupSelect.sql(query)).map { RollupSelect.row($0, grain: query.grain) }
            .filter { row in business.allSatisfy { row.key.value(of: $0.key) == $0.value } }
    }

    public func traces(_ query: TraceQuery) async throws -> [TraceSummary] {
        // Unfiltered, the newest traces are looked for in the range's last minute (or 1/1024th),
        // then in four times as much, and so on: the traces that start in a window are newer than
        // every other, and a busy hour holds tens of thousands of traces a minute.
        let range = query.toNanos.subtractingReportingOverflow(query.fromNanos)
        var window = range.overflow ? Int64.max : max(60_000_000_000, range.partialValue / 1024)
        while true {
            let since = query.toNanos.subtractingReportingOverflow(window)
            let whole = since.overflow || since.partialValue <= query.fromNanos
            guard let newest = TraceSummarySelect.newest(query, limit: query.limit, since: whole ? query.fromNanos : since.partialValue) else { break }
            let traces = TraceSummarySelect.summaries(try await client.select(newest))
            if traces.count >= query.limit { return traces }
            if whole { break }
            window = window > Int64.max / 4 ? Int64.max : window * 4
        }
        // The page's traces are chosen merging only what the filters read; only they are summarised whole.
        let page = TraceSummarySelect.sql(query, limit: query.limit, values: [])
        return TraceSummarySelect.summaries(try await client.select(
            TraceSummarySelect.sql(candidates: "SELECT trace_id FROM (\(page))", limit: query.limit)
        ))
    }

    public func tracesWithFailedCalls(_ query: TraceQuery) async throws -> [String: Int64] {
        // Only traces with a failed call are merged: few of a range's.
        let traces = TraceSummarySelect.sql(
            query, limit: nil, having: "t_has_root AND t_failed > 0", spansWhere: "failed_call = 1", openEnded: true, values: ["t_service"]
        )
        var counts: [String: Int64] = [:]
        for row in try await client.select("SELECT t_service, toInt64(count()) AS n FROM (\(traces)) GROUP BY t_service") {
            counts[row.string("t_service") ?? "", default: 0] += row.int("n") ?? 0
        }
        return counts
    }

    public func rootOperations(_ query: TraceQuery) async throws -> [RootOperation] {
        let newest = TraceSummarySelect.sql(query, limit: query.limit, having: "t_has_root", values: ["t_service", "t_root"])
        return try await client.select("SELECT t_service, t_root, toInt64(count()) AS n FROM (\(newest)) GROUP BY t_service, t_root").map {
            RootOperation(service: $0.string("t_service") ?? "", name: $0.string("t_root") ?? "", traces: $0.int("n") ?? 0)
        }
        .sorted { ($0.traces, $1.service, $1.name) > ($1.traces, $0.service, $0.name) }
    }

    public func experimentVariants(_ query: TraceQuery) async throws -> [ExperimentVariantCount] {
        let traces = TraceSummarySelect.sql(query, limit: nil, having: "t_experiment != ''", values: ["t_experiment", "t_variant"])
        return try await client.select("""
            SELECT t_experiment, t_variant, toInt64(count()) AS n, min(t_start) AS first_ns, max(t_start) AS last_ns
            FROM (\(traces)) GROUP BY t_experiment, t_variant ORDER BY t_experiment, t_variant
            """).map {
            ExperimentVariantCount(
                label: ExperimentLabel(experiment: $0.string("t_experiment") ?? "", variant: $0.string("t_variant") ?? ""),
                traces: $0.int("n") ?? 0, firstNanos: $0.int("first_ns") ?? 0, lastNanos: $0.int("last_ns") ?? 0
            )
        }
    }

    public func spans(traceIds: [String], withContent: Bool) async throws -> [SpanRecord] {
        guard !traceIds.isEmpty else { return [] }
        let spans = try await client.select(SpanColumns.select(where: "trace_id IN \(ClickHouseSQL.strings(Set(traceIds)))", withContent: withContent))
            .map(SpanColumns.span)
        return withContent ? spans : spans.map(\.withoutContent)
    }

    public func spans(traceId: String) async throws -> [SpanRecord] {
        try await client.select(SpanColumns.select(where: "trace_id = \(ClickHouseSQL.string(traceId))")).map(SpanColumns.span)
    }

    public func logs(traceIds: [String]) async throws -> [LogRecord] {
        guard !traceIds.isEmpty else { return [] }
        return try await client.select("""
            SELECT * FROM log_records WHERE trace_id IN \(ClickHouseSQL.strings(Set(traceIds)))
            ORDER BY time_ns, id LIMIT 1 BY id
            """).map(LogRows.record)
    }

    public func failedSpans(_ query: FailedSpanQuery) async throws -> [SpanRecord] {
        var condition = "is_error = 1 AND start_ns >= \(query.fromNanos) AND start_ns < \(query.toNanos)"
        if let project = query.project { condition += " AND project = \(ClickHouseSQL.string(project))" }
        let failed = try await client.select(SpanColumns.select(where: condition, withContent: query.withContent)).map(SpanColumns.span)
        let newest = Array(failed.sorted { ($0.startNanos, $0.spanId) > ($1.startNanos, $1.spanId) }.prefix(query.limit))
        return query.withContent ? newest : newest.map(\.withoutContent)
    }

    public func failureModes(_ query: FailureModeQuery) async throws -> FailureModes {
        // Every failed span of the traces with a failure in range: a matching span's failed children
        // may start after the range ends.
        let traces = "SELECT trace_id FROM spans WHERE is_error = 1 AND start_ns >= \(query.fromNanos) AND start_ns < \(query.toNanos)"
        // Failure modes read neither content nor the resource: only the failure, its place and labels.
        let failed = try await client.select(SpanColumns.select(where: "is_error = 1 AND trace_id IN (\(traces))", withContent: false, resource: false))
            .map(SpanColumns.span)
        return FailureModes(failed: failed, query: query)
    }

    // MARK: Scores and alert history

    public func writeScores(_ scores: [Score]) async throws -> Int {
        guard !scores.isEmpty else { return 0 }
        let held = Set(try await client.select("SELECT DISTINCT id FROM scores WHERE id IN \(ClickHouseSQL.strings(scores.map(\.id)))").compactMap {
            $0.string("id")
        })
        try await client.insert(into: "scores", rows: ScoreRows.encode(scores, written: now()).buffer)
        return Set(scores.map(\.id)).subtracting(held).count
    }

    public func scores(_ query: ScoreQuery) async throws -> [Score] {
        var conditions = ["at_ns >= \(query.fromNanos)", "at_ns < \(query.toNanos)"]
        if let project = query.project { conditions.append("project = \(ClickHouseSQL.string(project))") }
        if let trace = query.traceId { conditions.append("trace_id = \(ClickHouseSQL.string(trace))") }
        if let name = query.name { conditions.append("name = \(ClickHouseSQL.string(name))") }
        let latest = try await latestScores(where: conditions.joined(separator: " AND ")).values
        return Array(latest.filter(query.matches).sorted { ($0.timestampNanos, $0.id) > ($1.timestampNanos, $1.id) }.prefix(query.limit))
    }

    public func appendAlertEvents(_ events: [AlertEvent]) async throws {
        try await client.insert(into: "alert_events", rows: AlertEventRows.encode(events, firstSeq: now()).buffer)
    }

    public func alertEvents(_ query: AlertEventQuery) async throws -> [AlertEvent] {
        var condition = "at_ns >= \(query.fromNanos) AND at_ns < \(query.toNanos)"
        if let alert = query.alertId { condition += " AND alert_id = \(ClickHouseSQL.string(alert))" }
        return try await client.select("SELECT * FROM alert_events WHERE \(condition) ORDER BY at_ns DESC, seq DESC LIMIT \(max(query.limit, 0))")
            .map(AlertEventRows.event)
    }

    /// Merges every table's parts into one per partition, as ClickHouse does in the background over
    /// time: duplicates are then gone and sizes are what they settle at. For measurements and tests;
    /// on a large store it rewrites everything.
    public func optimize() async throws {
        for server in shardServers {
            // Only tables holding parts: 18.16 fails OPTIMIZE … FINAL on an empty replicated table
            // ("Unknown log entry type"), and there is nothing to merge in one anyway.
            let holding = Set(try await server.select("""
                SELECT DISTINCT table FROM system.parts WHERE database = \(ClickHouseSQL.string(server.endpoint.database)) AND active
                """).compactMap { $0.string("table") })
            for table in ClickHouseSchema.dataTables.map(layout.local) where holding.contains(table) {
                try await server.execute("OPTIMIZE TABLE \(table) FINAL")
            }
        }
    }

    /// How the spans spread over the servers (one entry per server, in the address's order): for
    /// an operator checking that shards stay balanced.
    public func spansPerShard() async throws -> [(spans: Int64, traces: Int64)] {
        var counts: [(spans: Int64, traces: Int64)] = []
        for server in servers {
            let row = try await server.select("""
                SELECT toInt64(count()) AS spans, toInt64(uniqExact(trace_id)) AS traces FROM \(layout.local("spans"))
                """).first
            counts.append((row?.int("spans") ?? 0, row?.int("traces") ?? 0))
        }
        return counts
    }

    /// The bytes of the database's active parts on every server.
    public func health() async -> StoreHealth {
        var total: Int64 = 0
        for server in servers {
            let rows = try? await server.select("""
                SELECT toInt64(sum(bytes_on_disk)) AS bytes FROM system.parts WHERE database = \(ClickHouseSQL.string(server.endpoint.database)) AND active
                """)
            guard let bytes = rows?.first?.int("bytes") else { return StoreHealth() }
            total += bytes
        }
        return StoreHealth(storedBytes: total, dataBytes: total)
    }
}
