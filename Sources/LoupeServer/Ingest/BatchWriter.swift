import Logging
import LoupeCore
import LoupeStore
import ServiceLifecycle

/// Drains the ingest queue into the store, one transaction per batch, as a lifecycle service.
///
/// Grouping concurrent requests into one commit is what makes durable ingest fast: the cost of a
/// commit (an fsync with full durability) is shared by every span in it. On shutdown the queue is
/// closed and drained, so every request that was accepted is either committed or answered with an
/// error, and then the store's pending aggregates are flushed.
public struct BatchWriter: Service {
    let queue: IngestQueue
    let store: any TelemetryStore
    let maxBatchSpans: Int
    let logger: Logger

    public init(queue: IngestQueue, store: any TelemetryStore, maxBatchSpans: Int, logger: Logger) {
        self.queue = queue
        self.store = store
        self.maxBatchSpans = maxBatchSpans
        self.logger = logger
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            while let next = await queue.nextBatch(maxSpans: maxBatchSpans) {
                await write(next.batch, acknowledging: next.continuations)
            }
        } onGracefulShutdown: { [queue] in
            // The handler is synchronous; closing hops onto the queue actor, and the loop above drains what is left.
            Task { await queue.close() }
        }
        await store.flushAggregates(logger: logger)
    }

    private func write(_ batch: SpanBatch, acknowledging continuations: [CheckedContinuation<Void, any Error>]) async {
        do {
            let outcome = try await store.write(batch)
            logger.trace("committed batch", metadata: ["spans": "\(batch.count)", "inserted": "\(outcome.inserted)"])
            for continuation in continuations { continuation.resume() }
        } catch {
            logger.error("store write failed; the batch was not stored", metadata: ["error": "\(error)", "spans": "\(batch.count)"])
            for continuation in continuations { continuation.resume(throwing: IngestError.storeFailed(String(describing: error))) }
        }
    }
}
