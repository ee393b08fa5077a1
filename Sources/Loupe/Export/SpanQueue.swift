import Synchronization

/// The bounded queue between code that ends spans and the export loop.
///
/// Enqueueing is a lock and a ring-buffer write, never a wait: when the queue is full, the
/// overflow policy drops a span and reports it. A full batch is signalled once (`wakePending`)
/// until the loop has taken every full batch, so the loop is woken once per burst, not per span.
final class SpanQueue: Sendable {
    enum Enqueued {
        case accepted(wake: Bool)
        /// The span was not queued: the queue is full (drop-newest) or closed.
        case dropped
        /// The span was queued and the oldest one evicted (drop-oldest).
        case evictedOldest(wake: Bool)
    }

    private struct State {
        var ring: [FinishedSpan?]
        var head = 0
        var count = 0
        var wakePending = false
        var isClosed = false

        mutating func popFirst() -> FinishedSpan? {
            guard count > 0 else { return nil }
            let span = ring[head]
            ring[head] = nil
            head = (head + 1) % ring.count
            count -= 1
            return span
        }
    }

    let capacity: Int
    let batchSize: Int
    private let dropsOldest: Bool
    private let state: Mutex<State>

    init(capacity: Int, batchSize: Int, dropsOldest: Bool) {
        self.capacity = max(1, capacity)
        self.batchSize = min(max(1, batchSize), self.capacity)
        self.dropsOldest = dropsOldest
        self.state = Mutex(State(ring: Array(repeating: nil, count: max(1, capacity))))
    }

    func enqueue(_ span: FinishedSpan) -> Enqueued {
        state.withLock { state in
            guard !state.isClosed else { return .dropped }
            var evicted = false
            if state.count == capacity {
                guard dropsOldest else { return .dropped }
                _ = state.popFirst()
                evicted = true
            }
            state.ring[(state.head + state.count) % capacity] = span
            state.count += 1
            var wake = false
            if state.count >= batchSize, !state.wakePending {
                state.wakePending = true
                wake = true
            }
            return evicted ? .evictedOldest(wake: wake) : .accepted(wake: wake)
        }
    }

    /// A full batch, or nil — which also re-arms the full-batch signal.
    func takeFullBatch() -> [FinishedSpan]? {
        state.withLock { state in
            guard state.count >= batchSize else {
                state.wakePending = false
                return nil
            }
            return Self.take(batchSize, from: &state)
        }
    }

    /// Up to a batch of whatever is queued; empty when nothing is.
    func takeBatch() -> [FinishedSpan] {
        state.withLock { Self.take(batchSize, from: &$0) }
    }

    /// Refuses further spans; what is still queued can be taken.
    func close() {
        state.withLock { $0.isClosed = true }
    }

    var count: Int {
        state.withLock { $0.count }
    }

    private static func take(_ limit: Int, from state: inout State) -> [FinishedSpan] {
        var batch: [FinishedSpan] = []
        batch.reserveCapacity(min(limit, state.count))
        while batch.count < limit, let span = state.popFirst() {
            batch.append(span)
        }
        return batch
    }
}
