import LoupeCore

/// Where one trace's wall-clock time went: per operation kind, plus the unaccounted remainder
/// (network, queueing and glue code that no child span covers).
///
/// Each instant of the trace is given to the deepest span running then, so nested and parallel
/// spans are never counted twice and the parts add up to the trace's duration. The root span's own
/// time is the remainder when it has children; a trace of one span is all that span's kind.
public struct StageBreakdown: Sendable, Hashable {
    public var totalMs: Double
    public var byOperation: [OperationKind: Double]
    public var unaccountedMs: Double

    public init(spans: [SpanRecord]) {
        totalMs = 0
        byOperation = [:]
        unaccountedMs = 0
        guard let start = spans.map(\.startNanos).min(), let end = spans.map(\.endNanos).max(), end > start else { return }
        totalMs = Double(end - start) / 1_000_000

        let ids = Set(spans.map(\.spanId))
        var parentOf: [String: String] = [:]
        for span in spans { if let parent = span.parentSpanId, ids.contains(parent) { parentOf[span.spanId] = parent } }
        let hasChildren = Set(parentOf.values)
        func depth(_ id: String) -> Int {
            var d = 0
            var current = id
            while let parent = parentOf[current], d < spans.count {
                d += 1
                current = parent
            }
            return d
        }
        let depths = spans.map { depth($0.spanId) }

        var boundaries = Array(Set(spans.flatMap { [$0.startNanos, $0.endNanos] })).sorted()
        if boundaries.first != start { boundaries.insert(start, at: 0) }
        // Sweep: spans sorted by start join the active set; those that ended leave it.
        let order = spans.indices.sorted { spans[$0].startNanos < spans[$1].startNanos }
        var next = 0
        var active: [Int] = []
        for (t0, t1) in zip(boundaries, boundaries.dropFirst()) {
            while next < order.count && spans[order[next]].startNanos <= t0 {
                active.append(order[next])
                next += 1
            }
            active.removeAll { spans[$0].endNanos <= t0 }
            let ms = Double(t1 - t0) / 1_000_000
            let deepest = active.max { (depths[$0], spans[$0].startNanos) < (depths[$1], spans[$1].startNanos) }
            guard let deepest else {
                unaccountedMs += ms
                continue
            }
            let span = spans[deepest]
            if parentOf[span.spanId] == nil && hasChildren.contains(span.spanId) {
                unaccountedMs += ms
            } else {
                byOperation[span.operation, default: 0] += ms
            }
        }
    }
}
