import LoupeCore
import LoupeStore

/// The bounded queue between receivers and the batch writer.
///
/// Receivers wait in ``submit(_:)`` until their spans are committed, which is what lets them
/// acknowledge only durable data. The queue holds at most `capacity` spans; past that a submit fails
/// at once with ``IngestError/queueFull`` so the receiver can answer 429, and memory stays bounded.
public actor IngestQueue {
    private struct Pending {
        var batch: SpanBatch
        var count: Int
        var continuation: CheckedContinuation<Void, any Error>
    }

    public nonisolated let capacity: Int
    private var pending: [Pending] = []
    private var queuedSpans = 0
    private var closed = false
    private var waitingWriter: CheckedContinuation<Void, Never>?

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// Spans waiting for the writer.
    public var depth: Int { queuedSpans }

    /// Queues spans and returns once they are committed (or fails, with nothing of them stored).
    public func submit(_ spans: [SpanRecord]) async throws {
        try await submit(SpanBatch(spans))
    }

    /// Queues a batch (aggregated by the caller, off the writer's thread) and returns once it is committed.
    public func submit(_ batch: SpanBatch) async throws {
        guard !closed else { throw IngestError.shuttingDown }
        let count = batch.count
        guard count > 0 else { return }
        // One request larger than the whole queue is still taken when the queue is empty, or it could never be.
        guard queuedSpans == 0 || queuedSpans + count <= capacity else { throw IngestError.queueFull }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            pending.append(Pending(batch: batch, count: count, continuation: continuation))
            queuedSpans += count
            waitingWriter?.resume()
            waitingWriter = nil
        }
    }

    /// The next group of requests, up to `maxSpans` spans (at least one request); nil once closed and drained.
    func nextBatch(maxSpans: Int) async -> (batch: SpanBatch, continuations: [CheckedContinuation<Void, any Error>])? {
        while pending.isEmpty {
            if closed { return nil }
            await withCheckedContinuation { waitingWriter = $0 }
        }
        var taken = 0
        var batch = SpanBatch([])
        var continuations: [CheckedContinuation<Void, any Error>] = []
        while let first = pending.first, continuations.isEmpty || taken + first.count <= maxSpans {
            pending.removeFirst()
            taken += first.count
            batch.append(first.batch)
            continuations.append(first.continuation)
        }
        queuedSpans -= taken
        return (batch, continuations)
    }

    /// Stops taking work; what is queued is still written.
    public func close() {
        closed = true
        waitingWriter?.resume()
        waitingWriter = nil
    }
}
