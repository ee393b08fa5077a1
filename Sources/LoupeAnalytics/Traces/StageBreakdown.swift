import HeapModule
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
        self.init(spans: spans, tree: SpanTree(spans: spans))
    }

    /// The breakdown over a tree already built from `spans`.
    public init(spans: [SpanRecord], tree: SpanTree) {
        totalMs = 0
        byOperation = [:]
        unaccountedMs = 0
        guard let start = spans.map(\.startNanos).min(), let end = spans.map(\.endNanos).max(), end > start else { return }
        totalMs = Double(end - start) / 1_000_000
        var depth = [Int](repeating: 0, count: spans.count)
        var rootWithChildren = [Bool](repeating: false, count: spans.count)
        for place in tree.places {
            depth[place.index] = place.depth
            rootWithChildren[place.index] = place.depth == 0 && place.childCount > 0
        }

        var boundaries = Array(Set(spans.flatMap { [$0.startNanos, $0.endNanos] })).sorted()
        if boundaries.first != start { boundaries.insert(start, at: 0) }
        // Sweep: spans sorted by start join a heap ordered by depth; the deepest one still running
        // owns each interval, and spans that ended leave the heap when they reach its top.
        let order = spans.indices.sorted { spans[$0].startNanos < spans[$1].startNanos }
        var next = 0
        var active = Heap<Running>()
        for (t0, t1) in zip(boundaries, boundaries.dropFirst()) {
            while next < order.count && spans[order[next]].startNanos <= t0 {
                let i = order[next]
                active.insert(Running(depth: depth[i], start: spans[i].startNanos, index: i))
                next += 1
            }
            while let top = active.max, spans[top.index].endNanos <= t0 { active.removeMax() }
            let ms = Double(t1 - t0) / 1_000_000
            guard let deepest = active.max?.index else {
                unaccountedMs += ms
                continue
            }
            if rootWithChildren[deepest] {
                unaccountedMs += ms
            } else {
                byOperation[spans[deepest].operation, default: 0] += ms
            }
        }
    }

    /// A span in the sweep, ordered by depth, then by the later start (the same as the old rule).
    private struct Running: Comparable {
        var depth: Int
        var start: Int64
        var index: Int

        static func < (a: Running, b: Running) -> Bool { (a.depth, a.start, a.index) < (b.depth, b.start, b.index) }
    }
}
