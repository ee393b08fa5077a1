import Synchronization
import Foundation
import GRDB
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeStoreSQLite

/// Migrations carry data stored under earlier schemas forward.
struct SchemaMigrationsTests {
    @Test func traceSummariesSurviveTheMoveToArrivalOrder() async throws {
        let path = try TemporaryDatabase.path("migrations")
        let trace = "0af7651916cd43dd8448eb211c80319c"
        do {
            let old = try DatabaseQueue(path: path)
            try SchemaMigrations.migrator().migrate(old, upTo: "2026-11-22 aggregation watermark")
            try await old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO traces (trace_id, project, service, root_name, start_ns, end_ns, span_count, error_count,
                            input_tokens, output_tokens, cost_usd, user_id)
                        VALUES (?, 'acme', 'rag', 'answer', ?, ?, 3, 1, 100, 10, 0.5, 'u1')
                        """,
                    arguments: [trace, TelemetryStoreConformance.base, TelemetryStoreConformance.base + 1_000_000_000])
            }
        }
        let store = try SQLiteTelemetryStore(path: path)
        // A later span of the same trace merges into the migrated summary: the trace id is still unique.
        _ = try await store.writeAndFlush([TelemetryStoreConformance.span(trace: trace, id: "0000000000000009", parent: "0000000000000001")])
        let traces = try await store.traces(TraceQuery(fromNanos: TelemetryStoreConformance.base, toNanos: TelemetryStoreConformance.base + TelemetryStoreConformance.minute))
        let summary = try #require(traces.first)
        #expect(traces.count == 1)
        #expect(summary.rootName == "answer")
        #expect(summary.spanCount == 4)
        #expect(summary.errorCount == 1)
        #expect(summary.inputTokens == 200)
    }

    /// Upgrading a file from before roles rebuilds its rollups from the stored spans, reporting progress.
    @Test func rollupsAreRebuiltByRoleFromStoredSpans() async throws {
        let path = try TemporaryDatabase.path("roles-migration")
        let base = TelemetryStoreConformance.base
        do {
            let old = try DatabaseQueue(path: path)
            try SchemaMigrations.migrator().migrate(old, upTo: "2026-11-22 traces in arrival order")
            try await old.write { db in
                try db.execute(sql: "INSERT INTO resources (hash, attributes) VALUES ('r', '{}')")
                // A trace of a failed chain root, a failed model call and a retrieval; and a bare call.
                let rows: [(String, String?, String, Int, String, String?, Int64)] = [
                    ("0000000000000001", nil, "chain", 1, "error", nil, 900),
                    ("0000000000000002", "0000000000000001", "llm", 3, "error", "gpt-4o", 700),
                    ("0000000000000003", "0000000000000001", "retrieval", 3, "ok", nil, 40),
                    ("0000000000000004", nil, "llm", 3, "ok", "gpt-4o", 300),
                ]
                for (id, parent, operation, kind, status, model, ms) in rows {
                    try db.execute(
                        sql: """
                            INSERT INTO spans (trace_id, span_id, parent_span_id, project, service, name, operation, span_kind,
                                start_ns, end_ns, status, request_model, input_tokens, counts_usage, cost_usd, dimensions,
                                attributes, resource_hash, events)
                            VALUES (?, ?, ?, 'acme', 'rag', 'x', ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', '{}', 'r', '[]')
                            """,
                        arguments: [
                            id == "0000000000000004" ? "1af7651916cd43dd8448eb211c80319c" : "0af7651916cd43dd8448eb211c80319c",
                            id, parent, operation, kind, base, base + ms * 1_000_000, status, model,
                            model == nil ? nil : 100, model != nil, model == nil ? nil : 0.01,
                        ])
                }
                try db.execute(
                    sql: """
                        INSERT INTO traces (trace_id, project, service, root_name, start_ns, end_ns, span_count, error_count,
                            input_tokens, output_tokens, cost_usd, user_id)
                        VALUES ('0af7651916cd43dd8448eb211c80319c', 'acme', 'rag', 'x', ?, ?, 3, 2, 100, 0, 0.01, NULL),
                               ('1af7651916cd43dd8448eb211c80319c', 'acme', 'rag', 'x', ?, ?, 1, 0, 100, 0, 0.01, NULL)
                        """,
                    arguments: [base, base + 900_000_000, base, base + 300_000_000])
                try db.execute(sql: "UPDATE aggregation_state SET aggregated_span_rowid = (SELECT MAX(rowid) FROM spans)")
            }
        }
        let messages = Mutex<[String]>([])
        let store = try SQLiteTelemetryStore(path: path, progress: { message in messages.withLock { $0.append(message) } })
        #expect(messages.withLock { $0 }.contains("Rebuilding rollups from 4 stored spans…"))
        let minute = base / TelemetryStoreConformance.minute
        let analytics = try await store.rollups(RollupQuery(grain: .core, fromMinute: minute, toMinute: minute + 1))
        var byRole: [SpanRole: RollupMeasures] = [:]
        for row in analytics { byRole[row.key.role, default: RollupMeasures()].merge(row.measures) }
        #expect(byRole[.request]?.count == 1 && byRole[.request]?.errors == 1)
        // Traces count the failed calls already stored: one request with a failed call.
        #expect(try await store.tracesWithFailedCalls(TraceQuery(fromNanos: base, toNanos: base + TelemetryStoreConformance.minute)) == ["rag": 1])
        #expect(byRole[.call]?.count == 1 && byRole[.call]?.errors == 1)
        #expect(byRole[[.request, .call]]?.count == 1)
        #expect(byRole[[]]?.count == 1)
        #expect(byRole.values.reduce(0) { $0 + $1.pricedCalls } == 2)
        // Each span keeps its rowid as its sequence number, so the watermark still means what it meant.
        #expect(messages.withLock { $0 }.contains("Giving 4 stored spans a stable sequence number…"))
        let (seqs, watermark) = try await DatabaseQueue(path: path).read { db in
            (try Int64.fetchAll(db, sql: "SELECT seq FROM spans ORDER BY seq"),
             try Int64.fetchOne(db, sql: "SELECT aggregated_span_seq FROM aggregation_state"))
        }
        #expect(seqs == [1, 2, 3, 4])
        #expect(watermark == 4)
    }
}

extension SchemaMigrationsTests {
    /// Upgrading a file from before time to first token and sessions were kept: rollups are rebuilt
    /// with the spans' time to first token, and traces take their session from their spans.
    @Test func rollupsGainTimeToFirstTokenAndTracesTheirSession() async throws {
        let path = try TemporaryDatabase.path("ttft-migration")
        let base = TelemetryStoreConformance.base
        do {
            let old = try DatabaseQueue(path: path)
            try SchemaMigrations.migrator().migrate(old, upTo: "2026-12-07 span sequence")
            try await old.write { db in
                try db.execute(sql: "INSERT INTO resources (hash, attributes) VALUES ('r', '{}')")
                for (id, ttft, session) in [("0000000000000001", 120.0, "s-9"), ("0000000000000002", 480.0, nil)] as [(String, Double, String?)] {
                    try db.execute(
                        sql: """
                            INSERT INTO spans (trace_id, span_id, project, service, name, operation, span_kind, start_ns, end_ns,
                                status, request_model, input_tokens, counts_usage, cost_usd, ttft_ms, session_id, dimensions,
                                attributes, resource_hash, events, role)
                            VALUES ('0af7651916cd43dd8448eb211c80319c', ?, 'acme', 'rag', 'x', 'llm', 3, ?, ?, 'ok', 'gpt-4o', 100,
                                1, 0.01, ?, ?, '{}', '{}', 'r', '[]', 3)
                            """,
                        arguments: [id, base, base + 900_000_000, ttft, session])
                }
                try db.execute(
                    sql: """
                        INSERT INTO traces (trace_id, project, service, root_name, start_ns, end_ns, span_count, error_count,
                            input_tokens, output_tokens, cost_usd, user_id)
                        VALUES ('0af7651916cd43dd8448eb211c80319c', 'acme', 'rag', 'x', ?, ?, 2, 0, 200, 0, 0.02, NULL)
                        """,
                    arguments: [base, base + 900_000_000])
                try db.execute(sql: "UPDATE aggregation_state SET aggregated_span_seq = (SELECT MAX(seq) FROM spans)")
            }
        }
        let store = try SQLiteTelemetryStore(path: path)
        let minute = base / TelemetryStoreConformance.minute
        var measures = RollupMeasures()
        for row in try await store.rollups(RollupQuery(grain: .core, fromMinute: minute, toMinute: minute + 1)) { measures.merge(row.measures) }
        #expect(measures.count == 2)
        #expect(measures.timeToFirstToken.count == 2)
        #expect((measures.timeToFirstToken.quantile(1) ?? 0) > 400)
        // The hourly rows are built from the rebuilt minutes: a merged read of the whole hour says the same.
        let hour = UnixMinute.floorDivide(minute, 60) * 60
        let hourly = try await store.rollups(RollupQuery(grain: .core, fromMinute: hour, toMinute: hour + 60, merge: RollupMerge(keeping: [])))
        #expect(hourly.reduce(0) { $0 + $1.measures.count } == 2)
        #expect(hourly.reduce(0) { $0 + $1.measures.timeToFirstToken.count } == 2)
        let traces = try await store.traces(TraceQuery(fromNanos: base, toNanos: base + TelemetryStoreConformance.minute, session: "s-9"))
        #expect(traces.map(\.spanCount) == [2])
    }
}
