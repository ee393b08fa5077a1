import LoupeCore
import LoupeStore

/// One trace: its spans as a tree and its stage breakdown.
public struct TraceDetail: Sendable, Hashable {
    /// A span and its place in the tree.
    public struct Row: Sendable, Hashable {
        public var span: SpanRecord
        public var place: SpanTree.Place
    }

    public var traceId: String
    /// Every span once, depth-first, children in start order. Roots are the spans without a parent,
    /// those whose parent was never received (orphans) and the earliest span of each parent cycle.
    /// A flat list rather than nested nodes, so a trace of any depth is built, rendered and
    /// encoded without recursion.
    public var rows: [Row]
    public var spanCount: Int
    /// Spans whose parent never arrived.
    public var orphanCount: Int
    /// Parent cycles found (and broken) in the trace.
    public var cycleCount: Int
    public var breakdown: StageBreakdown
    public var inputTokens: Int64
    public var outputTokens: Int64
    /// Nil when some counted model call in the trace had no price.
    public var costUSD: Double?
    /// The trace's log records (GenAI events, logs), in time order.
    public var logs: [LogRecord]

    public init(traceId: String, spans: [SpanRecord], logs: [LogRecord] = []) {
        self.traceId = traceId
        self.logs = logs
        spanCount = spans.count
        let tree = SpanTree(spans: spans)
        rows = tree.places.map { Row(span: spans[$0.index], place: $0) }
        orphanCount = tree.orphanCount
        cycleCount = tree.cycleCount
        breakdown = StageBreakdown(spans: spans, tree: tree)
        let counted = spans.filter(\.countsUsage)
        inputTokens = counted.reduce(0) { $0 + ($1.usage.input ?? 0) }
        outputTokens = counted.reduce(0) { $0 + ($1.usage.output ?? 0) }
        let unpriced = counted.contains { $0.costUSD == nil && $0.usage.isReported }
        costUSD = unpriced ? nil : counted.reduce(0) { $0 + ($1.costUSD ?? 0) }
    }

    /// The log records of one span.
    public func logs(ofSpan spanId: String) -> [LogRecord] { logs.filter { $0.spanId == spanId } }

    /// The log records of no stored span of the trace: of the trace alone, or of a span not received.
    public var traceLogs: [LogRecord] {
        let spans = Set(rows.map(\.span.spanId))
        return logs.filter { $0.spanId.map(spans.contains) != true }
    }

    /// The spans at depth 0.
    public var roots: [SpanRecord] { rows.filter { $0.place.depth == 0 }.map(\.span) }
}
