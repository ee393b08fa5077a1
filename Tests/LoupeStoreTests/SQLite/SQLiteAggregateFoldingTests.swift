import Foundation
import GRDB
import LoupeCore
import LoupeStore
@testable import LoupeStoreSQLite
import Testing

/// How the SQLite store keeps recent aggregates in memory: other instances on the same file see them
/// once flushed, a crash loses none of them, and only one instance ingests at a time.
struct SQLiteAggregateFoldingTests {
    typealias Fixture = TelemetryStoreConformance
    let path: String
    let m0 = Fixture.base / Fixture.minute

    init() throws {
        path = try TemporaryDatabase.path("fold")
    }

    func requests(_ store: SQLiteTelemetryStore) async throws -> Int64 {
        try await store.rollups(RollupQuery(grain: .core, fromMinute: m0, toMinute: m0 + 1)).reduce(0) { $0 + $1.measures.count }
    }

    func spanCount(_ store: SQLiteTelemetryStore, trace: String = "0af7651916cd43dd8448eb211c80319c") async throws -> Int64 {
        try await store.traces(TraceQuery(fromNanos: Fixture.base, toNanos: Fixture.base + Fixture.minute))
            .first { $0.traceId == trace }?.spanCount ?? 0
    }

    @Test func otherInstancesSeeAggregatesOnceFlushed() async throws {
        let ingesting = try SQLiteTelemetryStore(path: path)
        let reader = try SQLiteTelemetryStore(path: path)
        _ = try await ingesting.write([Fixture.span(id: "0000000000000001"), Fixture.span(id: "0000000000000002")])
        #expect(try await requests(reader) == 0)
        #expect(try await spanCount(reader) == 0)
        #expect(try await reader.spans(traceId: Fixture.span(id: "1").traceId).count == 2)  // the spans are committed

        try await ingesting.flushAggregates()
        #expect(try await requests(reader) == 2)
        #expect(try await spanCount(reader) == 2)
        #expect(try await requests(ingesting) == 2)
    }

    @Test func readsNeverFoldAggregatesThemselves() async throws {
        let store = try SQLiteTelemetryStore(path: path)
        _ = try await store.write([Fixture.span(id: "0000000000000001"), Fixture.span(id: "0000000000000002")])
        let pending = await store.health().pendingAggregateRows
        #expect(pending > 0)

        let range = TraceQuery(fromNanos: Fixture.base, toNanos: Fixture.base + Fixture.minute)
        #expect(try await requests(store) == 0)
        #expect(try await spanCount(store) == 0)
        _ = try await store.tracesWithFailedCalls(range)
        _ = try await store.rootOperations(range)
        _ = try await store.experimentVariants(range)
        #expect(await store.health().pendingAggregateRows == pending)  // folding is a write: reads leave it to the writer

        try await store.flushAggregates()
        #expect(await store.health().pendingAggregateRows == 0)
        #expect(try await requests(store) == 2)
        #expect(try await spanCount(store) == 2)
    }

    @Test func aggregatesLeftInMemoryByACrashAreRebuiltByTheNextIngestingInstance() async throws {
        do {
            let crashed = try SQLiteTelemetryStore(path: path)
            _ = try await crashed.write([Fixture.span(id: "0000000000000001"), Fixture.span(id: "0000000000000002")])
            try await crashed.flushAggregates()
            _ = try await crashed.write([Fixture.span(id: "0000000000000003")])
            crashed.abandonIngest()
            // Released without flushing, as a killed process would be.
        }
        let reader = try SQLiteTelemetryStore(path: path)
        #expect(try await requests(reader) == 2)

        let next = try SQLiteTelemetryStore(path: path)
        _ = try await next.write([Fixture.span(id: "0000000000000004"), Fixture.span(id: "0000000000000003")])
        try await next.flushAggregates()
        #expect(try await requests(next) == 4)
        #expect(try await spanCount(next) == 4)
        #expect(try await requests(reader) == 4)
    }

    /// Writes `ids` in a store that is then released without flushing, as a killed process would be.
    func crash(writing ids: [String]) async throws {
        let crashed = try SQLiteTelemetryStore(path: path)
        _ = try await crashed.write(ids.map { Fixture.span(id: $0) })
        crashed.abandonIngest()
    }

    /// Changes the file as another tool would, with no Loupe instance open on it.
    func outside(_ sql: String) throws {
        try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: sql) }
    }

    @Test func aSpanStoredAfterTheNewestWereDeletedIsStillRecoveredAfterACrash() async throws {
        do {
            let crashed = try SQLiteTelemetryStore(path: path)
            _ = try await crashed.write((1...4).map { Fixture.span(id: String(format: "%016x", $0)) })
            try await crashed.flushAggregates()
            // Erasing the newest spans frees their keys: a plain rowid would hand them out again, below the watermark.
            try outside("DELETE FROM spans WHERE span_id IN ('0000000000000003', '0000000000000004')")
            _ = try await crashed.write([Fixture.span(id: "0000000000000005")])
            crashed.abandonIngest()
            // Released without flushing, as a killed process would be.
        }
        let next = try SQLiteTelemetryStore(path: path)
        try await next.claimIngest()
        #expect(try await requests(next) == 5)
    }

    @Test func aSpanStoredBeforeAVacuumIsStillRecoveredAfterACrash() async throws {
        do {
            let store = try SQLiteTelemetryStore(path: path)
            _ = try await store.write((1...6).map { Fixture.span(id: String(format: "%016x", $0)) })
            try await store.flushAggregates()
            store.abandonIngest()
        }
        try outside("DELETE FROM spans WHERE span_id IN ('0000000000000001', '0000000000000002', '0000000000000003')")
        try await crash(writing: ["0000000000000007", "0000000000000008"])
        // VACUUM renumbers implicit rowids to close the gap: the unfolded spans would fall below the watermark.
        try outside("VACUUM")
        let next = try SQLiteTelemetryStore(path: path)
        try await next.claimIngest()
        #expect(try await requests(next) == 8)
    }

    @Test func aSecondIngestingInstanceIsRefused() async throws {
        let first = try SQLiteTelemetryStore(path: path)
        _ = try await first.write([Fixture.span(id: "0000000000000001")])
        let second = try SQLiteTelemetryStore(path: path)
        await #expect {
            try await second.write([Fixture.span(id: "0000000000000002")])
        } throws: { error in
            String(describing: error).contains("another Loupe process is already ingesting")
        }
        #expect(try await second.spans(traceId: Fixture.span(id: "1").traceId).count == 1)
    }

    @Test func theLockHoldsForEveryNameOfTheFile() async throws {
        let first = try SQLiteTelemetryStore(path: path)
        try await first.claimIngest()
        let folder = (path as NSString).deletingLastPathComponent
        let link = folder + "/link-to-\((path as NSString).lastPathComponent)"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let roundabout = folder + "/../" + (folder as NSString).lastPathComponent + "/" + (path as NSString).lastPathComponent
        for other in [link, roundabout] {
            let second = try SQLiteTelemetryStore(path: other)
            await #expect {
                try await second.claimIngest()
            } throws: { error in
                String(describing: error).contains("another Loupe process is already ingesting")
            }
        }
    }

    @Test func writesFoldPendingAggregatesPastTheLimit() async throws {
        let store = try SQLiteTelemetryStore(path: path, options: SQLiteStoreOptions(maxPendingAggregateRows: 4))
        let reader = try SQLiteTelemetryStore(path: path)
        _ = try await store.write([Fixture.span(id: "0000000000000001")])  // 3 rollup rows and 1 trace: at the limit
        #expect(try await requests(reader) == 0)
        _ = try await store.write([Fixture.span(id: "0000000000000002", user: "u2")])
        #expect(try await requests(reader) == 2)
        #expect(try await spanCount(reader) == 2)
    }

    @Test func repricingFromAnotherInstanceLeavesSpansNotYetFoldedAlone() async throws {
        let ingesting = try SQLiteTelemetryStore(path: path)
        _ = try await ingesting.write([Fixture.span(id: "0000000000000001", cost: 0.01)])
        try await ingesting.flushAggregates()
        _ = try await ingesting.write([Fixture.span(id: "0000000000000002", cost: 0.01)])

        let cli = try SQLiteTelemetryStore(path: path)
        let outcome = try await cli.reprice(fromNanos: Fixture.base, toNanos: Fixture.base + Fixture.minute) { _ in 0.5 }
        #expect(outcome.examined == 1)

        try await ingesting.flushAggregates()
        let rows = try await cli.rollups(RollupQuery(grain: .core, fromMinute: m0, toMinute: m0 + 1))
        let spans = try await cli.spans(traceId: Fixture.span(id: "1").traceId)
        let rolledUp = rows.reduce(0) { $0 + $1.measures.costUSD }
        #expect(abs(rolledUp - spans.reduce(0) { $0 + ($1.costUSD ?? 0) }) < 1e-12)
        #expect(abs(rolledUp - 0.51) < 1e-12)
    }
}

extension SQLiteAggregateFoldingTests {
    @Test func measuredRollupsSurviveACrashBeforeAnyFold() async throws {
        do {
            let crashed = try SQLiteTelemetryStore(path: path)
            _ = try await crashed.write(SpanBatch(measuredRollups: Fixture.measured(calls: 4)))
            crashed.abandonIngest()
        }
        // No span implies them, so recovery could not rebuild them: they must be in the tables already.
        let next = try SQLiteTelemetryStore(path: path)
        #expect(try await requests(next) == 4)
        _ = try await next.write(SpanBatch(measuredRollups: Fixture.measured(calls: 1)))
        #expect(try await requests(next) == 5)
    }
}
