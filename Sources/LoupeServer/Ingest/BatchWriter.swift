import Logging
import LoupeCore
import LoupeStore
import ServiceLifecycle

/// Drains the ingest queue into the store, one transaction per group of requests, as a lifecycle service.
///
/// Grouping concurrent requests into one commit is what makes durable ingest fast: the cost of a
/// commit (an fsync with full durability) is shared by every span in it. A group whose commit fails
/// is written again one request at a time, so one bad request fails alone. On shutdown the queue is
/// closed and drained, so every request that was accepted is either committed or answered with an
/// error, and then the store's pending aggregates are flushed.
public struct BatchWriter: Service {
    let queue: IngestQueue
    let store: any TelemetryStore
    let maxBatchSpans: Int
    let counters: IngestCounters
    let logger: Logger
    /// Hears every committed batch (the GenAI metrics count them).
    let onCommit: @Sendable (SpanBatch) -> Void

    public init(
        queue: IngestQueue, store: any TelemetryStore, maxBatchSpans: Int, counters: IngestCounters = IngestCounters(),
        logger: Logger, onCommit: @escaping @Sendable (SpanBatch) -> Void = { _ in }
    ) {
        self.onCommit = onCommit
        self.queue = queue
        self.store = store
        self.maxBatchSpans = maxBatchSpans
        self.counters = counters
        self.logger = logger
    }

    public func run() async throws {
        // An application embedding Loupe learns at start-up, not at its first write, that another
        // process already ingests into the same store.
        do {
            try await store.claimIngest()
        } catch {
            queue.close()
            throw error
        }
        await withGracefulShutdownHandler {
            while let requests = await queue.nextRequests(maxSpans: maxBatchSpans) {
                await write(requests)
            }
        } onGracefulShutdown: { [queue] in
            queue.close()  // the loop above drains what is left
        }
        await store.flushAggregates(logger: logger)
    }

    private func write(_ requests: [IngestQueue.Request]) async {
        var batch = SpanBatch([])
        for request in requests { batch.append(request.batch) }
        do {
            try await commit(batch)
            // Reads show what is folded. Idle, the writer folds before acknowledging, so whoever reads
            // after a 200 sees it; busy, folding waits for the maintenance pass, a second at most,
            // and its cost is shared by every commit of that second.
            if queue.depth == 0 { await store.flushAggregates(logger: logger) }
            for request in requests { request.acknowledge() }
        } catch let error where requests.count > 1 {
            logger.warning(
                "a group commit failed; writing its requests one by one",
                metadata: ["error": "\(error)", "requests": "\(requests.count)", "spans": "\(batch.count)"])
            for request in requests { await write([request]) }
        } catch {
            logger.error("store write failed; the request's spans were not stored", metadata: ["error": "\(error)", "spans": "\(batch.count)"])
            requests[0].fail(IngestError.storeFailed(String(describing: error)))
        }
    }

    private func commit(_ batch: SpanBatch) async throws {
        let started = ContinuousClock.now
        do {
            let outcome = try await store.write(batch)
            counters.recordCommit(spans: batch.count, seconds: (ContinuousClock.now - started).seconds, failed: false)
            onCommit(batch)
            logger.trace("committed batch", metadata: ["spans": "\(batch.count)", "inserted": "\(outcome.inserted)"])
        } catch {
            counters.recordCommit(spans: batch.count, seconds: (ContinuousClock.now - started).seconds, failed: true)
            throw error
        }
    }
}
