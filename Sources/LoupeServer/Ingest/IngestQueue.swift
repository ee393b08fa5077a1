import LoupeCore
import LoupeStore

/// The bounded queue between receivers and the batch writer.
///
/// Receivers wait in ``submit(_:)`` until their spans are committed, which is what lets them
/// acknowledge only durable data. The queue holds at most `capacity` spans; past that a submit fails
/// at once with ``IngestError/queueFull`` so the receiver can answer 429, and memory stays bounded.
public actor IngestQueue {
    private struct Pending {
        var spans: [SpanRecord]
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
        guard !closed else { throw IngestError.shuttingDown }
        guard !spans.isEmpty else { return }
        // One request larger than the whole queue is still taken when the queue is empty, or it could never be.
        guard queuedSpans == 0 || queuedSpans + spans.count <= capacity else { throw IngestError.queueFull }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            pending.append(Pending(spans: spans, continuation: continuation))
            queuedSpans += spans.count
            waitingWriter?.resume()
            waitingWriter = nil
        }
    }

    /// The next group of requests, up to `maxSpans` spans (at least one request); nil once closed and drained.
    func nextBatch(maxSpans: Int) async -> [(spans: [SpanRecord], continuation: CheckedContinuation<Void, any Error>)]? {
        while pending.isEmpty {
            if closed { return nil }
            await withCheckedContinuation { waitingWriter = $0 }
        }
        var taken = 0
        var batch: [(spans: [SpanRecord], continuation: CheckedContinuation<Void, any Error>)] = []
        while let first = pending.first, batch.isEmpty || taken + first.spans.count <= maxSpans {
            pending.removeFirst()
            taken += first.spans.count
            batch.append((first.spans, first.continuation))
        }
        queuedSpans -= taken
        return batch
    }

    /// Stops taking work; what is queued is still written.
    public func close() {
        closed = true
        waitingWriter?.resume()
        waitingWriter = nil
    }
}
