import LoupeCore
import LoupeStore

/// Retention's deletes and a user's erasure, as `ALTER TABLE … DELETE` mutations (lightweight
/// deletes need ClickHouse 22.8; `TTL` 19.6). Each call waits until its mutations have rewritten
/// every part, so a read that follows no longer sees the rows; the parts replaced are removed from
/// disk by ClickHouse after `old_parts_lifetime`.
extension ClickHouseTelemetryStore {
    public func deleteExpiredTraces(_ request: ExpiryRequest) async throws -> DeletedCounts {
        let projects = Self.condition(request.projects)
        let expired = try await client.select("""
            SELECT trace_id, min(start_ns) AS t_start, argMin(project, arrival) AS t_project FROM spans
            WHERE trace_id IN (SELECT trace_id FROM spans WHERE start_ns < \(request.beforeNanos))
            GROUP BY trace_id HAVING t_start < \(request.beforeNanos) AND \(Self.condition(request.projects, column: "t_project"))
            ORDER BY t_start, trace_id LIMIT \(max(request.limit, 0))
            """)
        let horizon = request.orphanScoreHorizon(batchCount: expired.count, newestStart: expired.last?.int("t_start"))
        var counts = try await removeTraces(expired.compactMap { $0.string("trace_id") })
        // Scores whose trace is gone or was never stored (session scores), and records outside any trace, by their own time.
        // Their ids first: a shard deleting them alone could not tell whether another shard holds their trace.
        let orphans = try await client.select("""
            SELECT DISTINCT id FROM scores
            WHERE at_ns < \(horizon) AND \(projects) AND (trace_id = '' OR trace_id NOT IN (SELECT trace_id FROM spans))
            """).compactMap { $0.string("id") }
        if !orphans.isEmpty {
            counts.scores += try await delete(from: "scores", where: "id IN \(ClickHouseSQL.strings(orphans))", counting: "uniqExact(id)")
        }
        counts.logRecords += try await delete(
            from: "log_records", where: "trace_id = '' AND time_ns < \(horizon) AND \(projects)", counting: "uniqExact(id)"
        )
        return counts
    }

    public func deleteExpiredRollups(_ request: ExpiryRequest) async throws -> DeletedCounts {
        let condition = "minute < \(UnixMinute.containing(nanos: request.beforeNanos)) AND \(Self.condition(request.projects))"
        return DeletedCounts(rollupRows: try await delete(from: "rollups", where: condition, counting: Self.rollupKeys))
    }

    public func oldestData() async throws -> OldestData {
        async let spans = client.select("SELECT min(start_ns) AS oldest, toInt64(count()) AS n FROM spans")
        async let rollups = client.select("SELECT min(minute) AS oldest, toInt64(count()) AS n FROM rollups")
        let (s, r) = try await (spans.first, rollups.first)
        return OldestData(
            traceStartNanos: (s?.int("n") ?? 0) > 0 ? s?.int("oldest") : nil,
            rollupStartNanos: (r?.int("n") ?? 0) > 0 ? r?.int("oldest").map { $0 * 60_000_000_000 } : nil
        )
    }

    public func eraseUser(_ userId: String, audit: @Sendable (DeletedCounts) -> AuditRecord) async throws -> DeletedCounts {
        let user = ClickHouseSQL.string(userId)
        let traces = try await summaries(TraceSummarySelect.sql(candidates: "SELECT trace_id FROM spans WHERE user_key = \(user)"))
        let sessions = Set(traces.values.compactMap(\.sessionId))
        var counts = try await removeTraces(Array(traces.keys))
        // Scores by the user, and scores of their sessions (a trace's score has no session: '' is none).
        let theirs = sessions.isEmpty ? "user_id = \(user)" : "user_id = \(user) OR session_id IN \(ClickHouseSQL.strings(sessions))"
        counts.scores += try await delete(from: "scores", where: theirs, counting: "uniqExact(id)")
        counts.rollupRows = try await delete(from: "rollups", where: "user = \(user)", counting: Self.rollupKeys)
        let member = ClickHouseSQL.string(String(SpanText.encode(["user": userId]).dropFirst().dropLast()))
        let erased = ClickHouseSQL.string(String(SpanText.encode(["user": "[erased user]"]).dropFirst().dropLast()))
        try await mutate(table: "alert_events", """
            UPDATE key = replaceAll(key, \(member), \(erased)), detail = replaceAll(detail, \(user), '[erased user]')
            WHERE position(key, \(member)) > 0 OR position(detail, \(user)) > 0
            """)
        _ = try await appendAudit([audit(counts)])
        return counts
    }

    // MARK: Deleting

    /// The columns that tell rollup rows apart: unmerged parts may hold several rows of one key.
    private static let rollupKeys =
        "uniqExact((grain, minute, project, service, operation, provider, model, status, error_category, user, business, role))"

    /// Deletes traces with their spans, retrieval steps, log records and scores.
    private func removeTraces(_ ids: [String]) async throws -> DeletedCounts {
        guard !ids.isEmpty else { return DeletedCounts() }
        let traces = "trace_id IN \(ClickHouseSQL.strings(ids))"
        var counts = DeletedCounts()
        counts.traces = try await count(in: "spans", where: traces, counting: "uniqExact(trace_id)")
        counts.spans = try await delete(from: "spans", where: traces, counting: "uniqExact((trace_id, span_id))")
        counts.retrievals = try await delete(from: "retrievals", where: traces, counting: "uniqExact((trace_id, span_id))")
        counts.logRecords = try await delete(from: "log_records", where: traces, counting: "uniqExact(id)")
        counts.scores = try await delete(from: "scores", where: traces, counting: "uniqExact(id)")
        _ = try await delete(from: "trace_parts", where: traces, counting: "count()")
        return counts
    }

    /// Counts what `condition` selects, deletes it, and waits for the delete to be done.
    private func delete(from table: String, where condition: String, counting measure: String) async throws -> Int {
        let n = try await count(in: table, where: condition, counting: measure)
        if n > 0 { try await mutate(table: table, "DELETE WHERE \(condition)") }
        return n
    }

    private func count(in table: String, where condition: String, counting measure: String) async throws -> Int {
        Int(try await client.select("SELECT toInt64(\(measure)) AS n FROM \(table) WHERE \(condition)").first?.int("n") ?? 0)
    }

    /// Changes `table`'s rows by mutation (`DELETE WHERE …` or `UPDATE … WHERE …`), on one server
    /// of each shard holding it (a replicated table passes it on to its replicas), and waits until
    /// every server holding it has applied it to every part, for up to ten minutes. The condition
    /// must not read other sharded tables: a shard evaluates it alone.
    func mutate(table: String, _ change: String) async throws {
        let sharded = ClickHouseSchema.dataTables.contains(table)
        let target = sharded ? layout.local(table) : table
        let statement = "ALTER TABLE \(target) \(change)"
        let holders = sharded || layout.isReplicated ? servers : [client]
        // A replica learns of a mutation from ZooKeeper a moment after the ALTER returns, and until
        // then looks finished: each server must first show a mutation it did not have before.
        var before: [Set<String>] = []
        for server in holders { before.append(try await mutations(on: server, of: target).known) }
        for server in sharded ? shardServers : [client] { try await server.execute(statement) }
        for (server, known) in zip(holders, before) {
            let deadline = ContinuousClock.now + .seconds(600)
            while true {
                let now = try await mutations(on: server, of: target)
                if !now.known.subtracting(known).isEmpty, !now.pending { break }
                guard ContinuousClock.now < deadline else {
                    throw ClickHouseStoreError.server(
                        code: nil, message: "a change was still running after ten minutes; see system.mutations", statement: statement
                    )
                }
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// The mutations a server lists for `table`, and whether any of its database's is unfinished.
    private func mutations(on server: ClickHouseClient, of table: String) async throws -> (known: Set<String>, pending: Bool) {
        let rows = try await server.select("""
            SELECT table, mutation_id, is_done FROM system.mutations WHERE database = \(ClickHouseSQL.string(server.endpoint.database))
            """)
        return (
            Set(rows.filter { $0.string("table") == table }.compactMap { $0.string("mutation_id") }),
            rows.contains { !$0.bool("is_done") }
        )
    }

    static func condition(_ projects: ProjectSelection, column: String = "project") -> String {
        switch projects {
        case .only(let project): return "\(column) = \(ClickHouseSQL.string(project))"
        case .allBut(let excluded): return excluded.isEmpty ? "1" : "\(column) NOT IN \(ClickHouseSQL.strings(excluded))"
        }
    }
}
