import LoupeCore
import LoupeStore

/// One trace: its spans as a tree and its stage breakdown.
public struct TraceDetail: Sendable, Hashable {
    /// A span and the spans it parents, in start order.
    public struct Node: Sendable, Hashable {
        public var span: SpanRecord
        public var children: [Node]
    }

    public var traceId: String
    /// Root spans: those without a parent, and those whose parent was never received.
    public var roots: [Node]
    public var spanCount: Int
    public var breakdown: StageBreakdown
    public var inputTokens: Int64
    public var outputTokens: Int64
    /// Nil when some counted model call in the trace had no price.
    public var costUSD: Double?

    public init(traceId: String, spans: [SpanRecord]) {
        self.traceId = traceId
        spanCount = spans.count
        breakdown = StageBreakdown(spans: spans)
        let counted = spans.filter(\.countsUsage)
        inputTokens = counted.reduce(0) { $0 + ($1.usage.input ?? 0) }
        outputTokens = counted.reduce(0) { $0 + ($1.usage.output ?? 0) }
        let unpriced = counted.contains { $0.costUSD == nil && $0.usage.isReported }
        costUSD = unpriced ? nil : counted.reduce(0) { $0 + ($1.costUSD ?? 0) }

        let ids = Set(spans.map(\.spanId))
        var children: [String: [SpanRecord]] = [:]
        var rootSpans: [SpanRecord] = []
        for span in spans.sorted(by: { ($0.startNanos, $0.spanId) < ($1.startNanos, $1.spanId) }) {
            if let parent = span.parentSpanId, ids.contains(parent), parent != span.spanId {
                children[parent, default: []].append(span)
            } else {
                rootSpans.append(span)
            }
        }
        var visited = Set<String>()
        func build(_ span: SpanRecord) -> Node {
            visited.insert(span.spanId)
            let kids = (children[span.spanId] ?? []).filter { !visited.contains($0.spanId) }
            return Node(span: span, children: kids.map(build))
        }
        roots = rootSpans.map(build)
    }
}
