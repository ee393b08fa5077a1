import LoupeCore
import Synchronization

/// The services whose spans reported model calls lately, so that their GenAI metrics are left aside:
/// an instrumentation set up with both a tracer and a meter (OpenLLMetry's Traceloop SDK, by default)
/// reports every call twice, and counting its metrics too would double its calls, tokens and cost.
///
/// Kept per server process, from the spans it decoded: after a restart, a service's metrics count
/// until its first span arrives again. A cumulative series is only a baseline at first then
/// (``CumulativeSeries``), so only a delta point sent in that gap can count twice.
final class SpanSenders: Sendable {
    struct Sender: Hashable {
        var project: String
        var service: String
    }

    private let lastSeen = Mutex<[Sender: Int64]>([:])
    /// How long after its last model-call span a service still counts as sending spans.
    let windowNanos: Int64

    init(windowNanos: Int64 = 3_600 * 1_000_000_000) {
        self.windowNanos = windowNanos
    }

    /// Notes the services of spans that are model calls, at the server's `nowNanos`.
    func note(_ spans: [SpanRecord], nowNanos: Int64) {
        let senders = Set(spans.lazy.filter { $0.role.contains(.call) }.map { Sender(project: $0.project, service: $0.service) })
        guard !senders.isEmpty else { return }
        lastSeen.withLock { seen in
            for sender in senders { seen[sender] = nowNanos }
            // Services come and go; forgetting the stale ones keeps the map as small as the live fleet.
            if seen.count > 1_000 { seen = seen.filter { nowNanos - $0.value < windowNanos } }
        }
    }

    func sendsSpans(project: String, service: String, nowNanos: Int64) -> Bool {
        lastSeen.withLock { $0[Sender(project: project, service: service)] }.map { nowNanos - $0 < windowNanos } ?? false
    }
}
