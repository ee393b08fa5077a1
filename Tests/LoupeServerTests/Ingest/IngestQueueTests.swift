import Foundation
import Logging
import LoupeCore
import LoupeServer
import LoupeStore
import Testing

struct IngestQueueTests {
    func spans(_ n: Int, trace: String = "0af7651916cd43dd8448eb211c80319c") -> [SpanRecord] {
        (0..<n).map { SpanRecord(traceId: trace, spanId: String(format: "%016x", $0 + 1), name: "s", startNanos: 1, endNanos: 2) }
    }

    @Test func aFullQueueRefusesAtOnceAndAcknowledgesOnlyAfterCommit() async throws {
        let queue = IngestQueue(capacity: 3)
        let store = InMemoryTelemetryStore()
        let first = Task { try await queue.submit(spans(3)) }
        while await queue.depth == 0 { await Task.yield() }
        await #expect(throws: IngestError.queueFull) { try await queue.submit(spans(1, trace: "1af7651916cd43dd8448eb211c80319c")) }
        // Nothing was acknowledged yet, and nothing stored: the writer has not run.
        #expect(try await store.spans(traceId: "0af7651916cd43dd8448eb211c80319c").isEmpty)
        let writer = BatchWriter(queue: queue, store: store, maxBatchSpans: 100, logger: Logger(label: "test"))
        let running = Task { try await writer.run() }
        try await first.value
        #expect(try await store.spans(traceId: "0af7651916cd43dd8448eb211c80319c").count == 3)
        await queue.close()
        try await running.value
        await #expect(throws: IngestError.shuttingDown) { try await queue.submit(spans(1)) }
    }

    @Test func aStoreFailureIsReportedAndNothingIsAcknowledged() async throws {
        /// A store whose disk is full: reads work, every write fails.
        struct FailingStore: TelemetryStore {
            struct DiskFull: Error {}
            let reads = InMemoryTelemetryStore()
            func write(_ batch: SpanBatch) async throws -> WriteOutcome { throw DiskFull() }
            func rollups(_ query: RollupQuery) async throws -> [RollupRow] { try await reads.rollups(query) }
            func traces(_ query: TraceQuery) async throws -> [TraceSummary] { try await reads.traces(query) }
            func spans(traceId: String) async throws -> [SpanRecord] { try await reads.spans(traceId: traceId) }
            func rootOperations(_ query: TraceQuery) async throws -> [RootOperation] { try await reads.rootOperations(query) }
            func spans(traceIds: [String], withContent: Bool) async throws -> [SpanRecord] {
                try await reads.spans(traceIds: traceIds, withContent: withContent)
            }
            func tracesWithFailedCalls(_ query: TraceQuery) async throws -> [String: Int64] {
                try await reads.tracesWithFailedCalls(query)
            }
            func failedSpans(_ query: FailedSpanQuery) async throws -> [SpanRecord] { try await reads.failedSpans(query) }
            func unpricedModels(fromNanos: Int64, toNanos: Int64) async throws -> [UnpricedModel] {
                try await reads.unpricedModels(fromNanos: fromNanos, toNanos: toNanos)
            }
            func reprice(fromNanos: Int64, toNanos: Int64, price: @Sendable (SpanRecord) -> Double?) async throws -> RepriceOutcome {
                throw DiskFull()
            }
        }
        let queue = IngestQueue(capacity: 10)
        let writer = BatchWriter(queue: queue, store: FailingStore(), maxBatchSpans: 100, logger: Logger(label: "test"))
        let running = Task { try await writer.run() }
        await #expect(throws: IngestError.self) { try await queue.submit(spans(2)) }
        await queue.close()
        try await running.value
    }
}
