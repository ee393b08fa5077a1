import LoupeCore
import LoupeStore
import Synchronization

/// This server's notes of interrupted span inserts (``InterruptedWrite``) not yet kept in
/// ClickHouse, and when it next looks for settled ones to repair.
///
/// Notes wait here only until the first server takes them (every maintenance round tries), so that
/// whichever server holds the repair lease sees every server's notes. A process killed before then
/// forgets its notes, and their minutes stay short (the store's README says so).
final class InterruptedWrites: Sendable {
    /// How long after a failure its spans' rollups are rebuilt: long enough for exporters to have
    /// sent the spans again, since a span arriving during a rebuild of its minutes may count twice.
    let settleNanos: Int64
    /// How often a server looks for settled notes.
    let checkNanos: Int64
    private let state = Mutex(State())

    /// Past this many traces listed in waiting notes, a note covers every trace of its minutes
    /// instead, so that a long run of failures cannot grow memory without bound.
    static let listedTraceLimit = 100_000
    static let noteLimit = 1_000

    private struct State {
        var notes: [InterruptedWrite] = []
        var listedTraces = 0
        var nextCheckNanos: Int64 = 0
    }

    init(settle: Duration) {
        settleNanos = max(0, settle.wholeNanoseconds)
        checkNanos = min(max(settleNanos, 1_000_000_000), 10_000_000_000)
    }

    func note(_ spans: [SpanRecord], failedNanos: Int64) {
        guard var write = InterruptedWrite(spans: spans, failedNanos: failedNanos) else { return }
        state.withLock { state in
            if state.listedTraces + (write.traceIds?.count ?? 0) > Self.listedTraceLimit { write.traceIds = nil }
            if state.notes.count >= Self.noteLimit, let last = state.notes.last {
                // Widen the newest note instead: one rebuild of more minutes repairs both. A new id,
                // as the note it replaces may be on its way into ClickHouse already.
                state.listedTraces -= last.traceIds?.count ?? 0
                write = InterruptedWrite(
                    failedNanos: max(last.failedNanos, write.failedNanos), fromMinute: min(last.fromMinute, write.fromMinute),
                    toMinute: max(last.toMinute, write.toMinute), traceIds: nil
                )
                state.notes.removeLast()
            }
            state.listedTraces += write.traceIds?.count ?? 0
            state.notes.append(write)
        }
    }

    /// The notes waiting to be kept in ClickHouse.
    var waiting: [InterruptedWrite] { state.withLock { $0.notes } }

    /// Forgets notes now kept in ClickHouse.
    func kept(_ ids: Set<String>) {
        state.withLock { state in
            state.notes.removeAll { ids.contains($0.id) }
            state.listedTraces = state.notes.reduce(0) { $0 + ($1.traceIds?.count ?? 0) }
        }
    }

    /// Whether it is time to look for settled notes, counting the look as done when it is.
    func isCheckDue(nowNanos: Int64) -> Bool {
        state.withLock { state in
            guard nowNanos >= state.nextCheckNanos else { return false }
            state.nextCheckNanos = nowNanos &+ checkNanos
            return true
        }
    }
}
