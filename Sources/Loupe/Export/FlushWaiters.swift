import Synchronization

/// Callers of ``OTLPExporter/forceFlush()`` waiting for the loop.
///
/// Kept apart from the command stream because a cancelled stream discards what it buffered, and
/// a waiter must be resumed whatever happens to the loop.
final class FlushWaiters: Sendable {
    private struct State {
        var nextID: UInt64 = 0
        var waiting: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var isClosed = false
    }

    private let state = Mutex(State())

    init() {}

    /// Registers `waiter`; nil, with the waiter already resumed, once the loop has ended.
    func add(_ waiter: CheckedContinuation<Void, Never>) -> UInt64? {
        let id = state.withLock { state -> UInt64? in
            guard !state.isClosed else { return nil }
            state.nextID += 1
            state.waiting[state.nextID] = waiter
            return state.nextID
        }
        if id == nil { waiter.resume() }
        return id
    }

    func resume(_ id: UInt64) {
        state.withLock { $0.waiting.removeValue(forKey: id) }?.resume()
    }

    /// Resumes everyone and refuses new waiters: the loop has ended.
    func close() {
        let waiting = state.withLock { state in
            state.isClosed = true
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        waiting.forEach { $0.resume() }
    }
}
