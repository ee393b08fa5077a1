import LoupeCore

/// A trace's spans arranged as a tree, without recursion, so a trace of any depth is safe to walk.
///
/// Spans arrive from many processes and nothing guarantees a well-formed tree: a parent may never
/// arrive (an orphan, shown as a root), and broken instrumentation can make spans each other's
/// ancestors (a cycle, broken at its earliest span, shown as a root). Every span appears exactly
/// once, and those two cases are counted.
public struct SpanTree: Sendable, Hashable {
    /// One span's place: depth-first order, children by start time.
    public struct Place: Sendable, Hashable {
        /// Index into the spans the tree was built from.
        public var index: Int
        public var depth: Int
        /// Index of the parent span, if it is in the trace.
        public var parent: Int?
        /// The span names a parent that was never received.
        public var orphan: Bool
        /// The span's ancestors lead back to itself; the tree shows it as a root.
        public var cycleBroken: Bool
        /// Spans placed under this one.
        public var childCount: Int
    }

    /// Every span once, in depth-first order.
    public private(set) var places: [Place]
    public private(set) var orphanCount = 0
    public private(set) var cycleCount = 0

    public init(spans: [SpanRecord]) {
        var indexById: [String: Int] = [:]
        indexById.reserveCapacity(spans.count)
        for (i, span) in spans.enumerated() where indexById[span.spanId] == nil { indexById[span.spanId] = i }
        let byStart = { (a: Int, b: Int) in (spans[a].startNanos, spans[a].spanId, a) < (spans[b].startNanos, spans[b].spanId, b) }

        var parent = [Int?](repeating: nil, count: spans.count)
        var children = [[Int]](repeating: [], count: spans.count)
        var roots: [Int] = []
        var orphan = [Bool](repeating: false, count: spans.count)
        for (i, span) in spans.enumerated() {
            if let parentId = span.parentSpanId, let p = indexById[parentId], p != i {
                parent[i] = p
                children[p].append(i)
            } else {
                orphan[i] = span.parentSpanId != nil && indexById[span.parentSpanId!] == nil
                roots.append(i)
            }
        }
        for i in children.indices where children[i].count > 1 { children[i].sort(by: byStart) }

        places = []
        places.reserveCapacity(spans.count)
        var placed = [Bool](repeating: false, count: spans.count)
        var counts = [Int](repeating: 0, count: spans.count)
        var placeOf = [Int](repeating: -1, count: spans.count)
        func walk(from root: Int, cycleBroken: Bool) {
            // An explicit stack, children pushed in reverse so they come out in start order.
            var stack: [(index: Int, depth: Int)] = [(root, 0)]
            while let (i, depth) = stack.popLast() {
                guard !placed[i] else { continue }
                placed[i] = true
                let p = depth == 0 ? nil : parent[i]
                if let p { counts[p] += 1 }
                placeOf[i] = places.count
                places.append(Place(index: i, depth: depth, parent: p, orphan: orphan[i], cycleBroken: cycleBroken && i == root, childCount: 0))
                for child in children[i].reversed() where !placed[child] { stack.append((child, depth + 1)) }
            }
        }
        for root in roots.sorted(by: byStart) { walk(from: root, cycleBroken: false) }
        // What no root reaches hangs from a cycle: break each at its earliest span.
        for i in spans.indices.sorted(by: byStart) where !placed[i] {
            cycleCount += 1
            walk(from: i, cycleBroken: true)
        }
        for i in spans.indices where placeOf[i] >= 0 { places[placeOf[i]].childCount = counts[i] }
        orphanCount = orphan.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
}
