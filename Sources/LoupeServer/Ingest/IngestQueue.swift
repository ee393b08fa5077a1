import DequeModule
import LoupeCore
import LoupeStore
import Synchronization

/// The bounded queue between receivers and the batch writer.
///
/// Receivers wait in ``submit(_:)`` until their spans are committed, which is what lets them
/// acknowledge only durable data. The queue holds at most `capacity` spans; past that a submit fails
/// at once with ``IngestError/queueFull`` so the receiver can answer 429, and memory stays bounded.
///
/// A lock rather than an actor, so that closing is synchronous (a graceful-shutdown handler cannot
/// await) and the writer's wait can be cancelled: nothing here needs an unstructured task.
public final class IngestQueue: Sendable {
    /// One request's spans, and the receiver waiting for them to be committed.
    struct Request: Sendable {
        var batch: SpanBatch
        var continuation: CheckedContinuation<Void, any Error>

        func acknowledge() { continuation.resume() }
        func fail(_ error: any Error) { continuation.resume(throwing: error) }
    }

    private struct State {
        var pending: Deque<Request> = []
        var queuedSpans = 0
        var closed = false
        var waitingWriter: CheckedContinuation<Void, Never>?
    }

    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// Spans waiting for the writer.
    public var depth: Int { state.withLock { $0.queuedSpans } }

    /// Queues spans and returns once they are committed (or fails, with nothing of them stored).
    public func submit(_ spans: [SpanRecord]) async throws {
        try await submit(SpanBatch(spans))
    }

    /// Queues a batch (aggregated by the caller, off the writer's thread) and returns once it is committed.
    ///
    /// A receiver cancelled while it waits still gets its answer when the writer reaches its spans:
    /// they may already be in a transaction, so withdrawing them could not be made exact.
    public func submit(_ batch: SpanBatch) async throws {
        let count = batch.count
        guard !batch.isEmpty else {
            if state.withLock({ $0.closed }) { throw IngestError.shuttingDown }
            return
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let outcome: Result<CheckedContinuation<Void, Never>?, IngestError> = state.withLock { state in
                guard !state.closed else { return .failure(.shuttingDown) }
                // One request larger than the whole queue is still taken when the queue is empty, or it could never be.
                guard state.queuedSpans == 0 || state.queuedSpans + count <= capacity else { return .failure(.queueFull) }
                state.pending.append(Request(batch: batch, continuation: continuation))
                state.queuedSpans += count
                defer { state.waitingWriter = nil }
                return .success(state.waitingWriter)
            }
            switch outcome {
            case .success(let writer): writer?.resume()
            case .failure(let error): continuation.resume(throwing: error)
            }
        }
    }

    /// The next group of requests, up to `maxSpans` spans (at least one request); nil once closed and
    /// drained. Cancelling the waiting writer closes the queue and fails what is still queued, so no
    /// receiver waits for a writer that is gone.
    func nextRequests(maxSpans: Int) async -> [Request]? {
        while true {
            if Task.isCancelled {
                abandon()
                return nil
            }
            let taken: [Request]? = state.withLock { state in
                if state.pending.isEmpty { return state.closed ? [] : nil }
                var taken: [Request] = []
                var spans = 0
                while let first = state.pending.first, taken.isEmpty || spans + first.batch.count <= maxSpans {
                    state.pending.removeFirst()
                    spans += first.batch.count
                    taken.append(first)
                }
                state.queuedSpans -= spans
                return taken
            }
            if let taken { return taken.isEmpty ? nil : taken }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let wakeNow = state.withLock { state in
                        guard state.pending.isEmpty, !state.closed else { return true }
                        state.waitingWriter = continuation
                        return false
                    }
                    if wakeNow { continuation.resume() }
                }
            } onCancel: {
                wakeWriter()
            }
        }
    }

    /// Stops taking work; what is queued is still written.
    public func close() {
        state.withLock { $0.closed = true }
        wakeWriter()
    }

    private func wakeWriter() {
        state.withLock { state in
            defer { state.waitingWriter = nil }
            return state.waitingWriter
        }?.resume()
    }

    /// The writer is gone: refuse new work and fail every queued request (nothing of them was stored).
    private func abandon() {
        let dropped = state.withLock { state in
            state.closed = true
            state.queuedSpans = 0
            defer { state.pending.removeAll() }
            return Array(state.pending)
        }
        for request in dropped { request.fail(IngestError.shuttingDown) }
    }
}
