import Foundation
import Logging
import LoupeCore
import LoupeServer
import LoupeStore
import LoupeStoreSQLite
import LoupeTesting
import ServiceLifecycle
import Testing

/// A server's recent aggregates reach the file when its writer is idle, every interval, and when it stops.
@Suite(.timeLimit(.minutes(1)))
struct StoreMaintenanceTests {
    @Test func aggregatesReachTheFileEveryIntervalAndWhenTheServerStops() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-maintenance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("test.db").path
        let ingesting = try SQLiteTelemetryStore(path: path)
        let reader = try SQLiteTelemetryStore(path: path)
        let clock = TestClock()
        let logger = Logger(label: "test")
        let maintenance = StoreMaintenance(store: ingesting, interval: .seconds(1), clock: clock, logger: logger)
        let queue = IngestQueue(capacity: 1_000)
        let writer = BatchWriter(queue: queue, store: ingesting, maxBatchSpans: 1_000, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [writer, maintenance], logger: logger))

        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        let minute = now / 60_000_000_000
        func requests() async throws -> Int64 {
            try await reader.rollups(RollupQuery(grain: .core, fromMinute: minute - 1, toMinute: minute + 2)).reduce(0) { $0 + $1.measures.count }
        }
        func span(_ id: String) -> SpanRecord {
            SpanRecord(
                traceId: "0af7651916cd43dd8448eb211c80319c", spanId: id, project: "acme", service: "rag", name: "chat",
                operation: .llm, startNanos: now, endNanos: now + 1_000_000
            )
        }

        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            await clock.sleeper(for: .seconds(1))
            try await queue.submit([span("0000000000000001")])
            #expect(try await requests() == 1)  // an idle writer folds before it acknowledges

            _ = try await ingesting.write([span("0000000000000002")])  // as a busy writer leaves them
            #expect(try await requests() == 1)
            clock.advance(by: .seconds(1))
            await clock.sleeper(for: .seconds(1))  // flushed, and sleeping again
            #expect(try await requests() == 2)

            _ = try await ingesting.write([span("0000000000000003")])
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(try await requests() == 3)  // the batch writer flushes what is left when it stops
    }
}
