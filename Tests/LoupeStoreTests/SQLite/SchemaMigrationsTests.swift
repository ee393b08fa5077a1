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
        _ = try await store.write([TelemetryStoreConformance.span(trace: trace, id: "0000000000000009", parent: "0000000000000001")])
        let traces = try await store.traces(TraceQuery(fromNanos: TelemetryStoreConformance.base, toNanos: TelemetryStoreConformance.base + TelemetryStoreConformance.minute))
        let summary = try #require(traces.first)
        #expect(traces.count == 1)
        #expect(summary.rootName == "answer")
        #expect(summary.spanCount == 4)
        #expect(summary.errorCount == 1)
        #expect(summary.inputTokens == 200)
    }
}
