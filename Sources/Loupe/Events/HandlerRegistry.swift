import Synchronization

/// The handlers attached to one ``Telemetry`` instance, and which of them each event name reaches.
///
/// Attach and detach replace the attachment list and drop the resolution cache under the lock;
/// an emit resolves its exact name against the patterns once and reuses the cached list until
/// the next change, so prefix matching costs nothing after the first event of a name. Handlers
/// run outside the lock, so they may emit, attach and detach themselves.
@usableFromInline
final class HandlerRegistry: Sendable {
    struct Attachment: Sendable {
        let id: HandlerID
        /// Tells a re-attached id apart from the attachment that failed.
        let serial: UInt64
        let patterns: [EventPattern]
        let handler: any TelemetryHandler

        func matches(_ name: EventName) -> Bool {
            patterns.contains { $0.matches(name) }
        }
    }

    private struct State {
        var attachments: [Attachment] = []
        var resolved: [EventName: [Attachment]] = [:]
        var nextSerial: UInt64 = 0
    }

    /// Programs that build event names from data would otherwise grow the cache without bound;
    /// past the limit, names are resolved on every emit instead.
    static let resolvedCacheLimit = 1_024

    private let state = Mutex(State())
    private let attachedCount = Atomic<Int>(0)

    init() {}

    deinit {
        // An instance dropped with handlers still attached must not keep the gate open forever.
        if attachedCount.load(ordering: .relaxed) > 0 {
            ListenerGate.instanceStoppedListening()
        }
    }

    /// True when no handler is attached here: the cheap second check of a slow-path emit.
    @usableFromInline
    var isEmpty: Bool {
        attachedCount.load(ordering: .relaxed) == 0
    }

    func attach(
        id: HandlerID, patterns: [EventPattern], handler: any TelemetryHandler
    ) throws(TelemetryAttachError) {
        guard !patterns.isEmpty else { throw .noPatterns(id) }
        let attached = state.withLock { state -> Bool in
            guard !state.attachments.contains(where: { $0.id == id }) else { return false }
            state.nextSerial += 1
            state.attachments.append(
                Attachment(id: id, serial: state.nextSerial, patterns: patterns, handler: handler))
            state.resolved = [:]
            updateCount(state.attachments.count)
            return true
        }
        guard attached else { throw .duplicateID(id) }
    }

    /// Detaches `id`; with a `serial`, only if that id still names the same attachment.
    @discardableResult
    func detach(_ id: HandlerID, serial: UInt64? = nil) -> Bool {
        state.withLock { state in
            guard let index = state.attachments.firstIndex(where: { $0.id == id && (serial ?? $0.serial) == $0.serial })
            else { return false }
            state.attachments.remove(at: index)
            state.resolved = [:]
            updateCount(state.attachments.count)
            return true
        }
    }

    /// The attachments `name` reaches, in attach order.
    func attachments(for name: EventName) -> [Attachment] {
        state.withLock { state in
            if let cached = state.resolved[name] { return cached }
            let matching = state.attachments.filter { $0.matches(name) }
            if state.resolved.count < HandlerRegistry.resolvedCacheLimit {
                state.resolved[name] = matching
            }
            return matching
        }
    }

    var ids: [HandlerID] {
        state.withLock { $0.attachments.map(\.id) }
    }

    /// Called under the lock, so the gate sees transitions in order.
    private func updateCount(_ count: Int) {
        let previous = attachedCount.exchange(count, ordering: .relaxed)
        if previous == 0, count > 0 {
            ListenerGate.instanceStartedListening()
        } else if previous > 0, count == 0 {
            ListenerGate.instanceStoppedListening()
        }
    }
}
