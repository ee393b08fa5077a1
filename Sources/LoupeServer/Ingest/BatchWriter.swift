import Logging
import LoupeCore
import LoupeStore
import ServiceLifecycle

/// Drains the ingest queue into the store, one transaction per batch, as a lifecycle service.
///
/// Grouping concurrent requests into one commit is what makes durable ingest fast: the cost of a
/// commit (an fsync with full durability) is shared by every span in it. On shutdown the queue is
/// closed and drained, so every request that was accepted is either committed or answered with an error.
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
            while let batch = await queue.nextBatch(maxSpans: maxBatchSpans) {
                await write(batch)
            }
        } onGracefulShutdown: { [queue] in
            // The handler is synchronous; closing hops onto the queue actor, and the loop above drains what is left.
            Task { await queue.close() }
        }
    }

    private func write(_ batch: [(spans: [SpanRecord], continuation: CheckedContinuation<Void, any Error>)]) async {
        let spans = batch.count == 1 ? batch[0].spans : batch.flatMap(\.spans)
        do {
            let outcome = try await store.write(spans)
            logger.trace("committed batch", metadata: ["spans": "\(spans.count)", "inserted": "\(outcome.inserted)"])
            for request in batch { request.continuation.resume() }
        } catch {
            logger.error("store write failed; the batch was not stored", metadata: ["error": "\(error)", "spans": "\(spans.count)"])
            for request in batch { request.continuation.resume(throwing: IngestError.storeFailed(String(describing: error))) }
        }
    }
}
