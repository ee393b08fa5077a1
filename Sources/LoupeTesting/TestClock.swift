import Synchronization

/// A `Clock` that moves only when the test advances it, so timers, periodic services and retry
/// waits run without sleeping; tests wait for a task to start sleeping, check how long it asked for, then
/// advance past it.
public final class TestClock: Clock, Sendable {
    public struct Instant: InstantProtocol {
        public var offset: Duration

        public init(offset: Duration) { self.offset = offset }

        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct Sleeper {
        let id: UInt64
        let deadline: Instant
        /// How long the sleeper asked to sleep, from the time it started.
        let requested: Duration
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct Waiter {
        let requested: Duration
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var nextID: UInt64 = 0
        var sleepers: [Sleeper] = []
        var cancelledBeforeSleeping: Set<UInt64> = []
        var waiters: [Waiter] = []
    }

    private let state = Mutex(State())

    public init() {}

    public var now: Instant { state.withLock { $0.now } }
    public var minimumResolution: Duration { .zero }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Start { case wakeNow, cancelled, sleeping([CheckedContinuation<Void, Never>]) }
                let start = state.withLock { state -> Start in
                    if state.cancelledBeforeSleeping.remove(id) != nil { return .cancelled }
                    guard state.now < deadline else { return .wakeNow }
                    let requested = state.now.duration(to: deadline)
                    state.sleepers.append(
                        Sleeper(id: id, deadline: deadline, requested: requested, continuation: continuation))
                    let ready = state.waiters.filter { $0.requested == requested }.map(\.continuation)
                    state.waiters.removeAll { $0.requested == requested }
                    return .sleeping(ready)
                }
                switch start {
                case .wakeNow: continuation.resume()
                case .cancelled: continuation.resume(throwing: CancellationError())
                case .sleeping(let waiters): waiters.forEach { $0.resume() }
                }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                    state.cancelledBeforeSleeping.insert(id)
                    return nil
                }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Returns once some task is sleeping for exactly `requested`.
    public func sleeper(for requested: Duration) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let sleeping = state.withLock { state -> Bool in
                if state.sleepers.contains(where: { $0.requested == requested }) { return true }
                state.waiters.append(Waiter(requested: requested, continuation: continuation))
                return false
            }
            if sleeping { continuation.resume() }
        }
    }

    /// How long each current sleeper asked to sleep.
    public var pendingSleeps: [Duration] {
        state.withLock { $0.sleepers.map(\.requested) }
    }

    /// Moves time forward, waking every sleeper whose deadline has passed.
    public func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        due.forEach { $0.continuation.resume() }
    }
}
