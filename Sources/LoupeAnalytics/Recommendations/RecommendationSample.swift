import LoupeCore
import LoupeStore

/// The newest traces of the range read span by span, for what rollups do not hold.
public struct RecommendationSample: Sendable {
    /// Spans per trace, in start order.
    public var traces: [String: [SpanRecord]]
    /// Model calls (spans counted as calls), newest trace first.
    public var calls: [SpanRecord]
    /// Retrieval spans.
    public var retrievals: [SpanRecord]
    /// Trace ids, newest first.
    public var order: [String]
    /// Where each trace's time went, computed once for every advisor that asks.
    public var breakdowns: [String: StageBreakdown]

    public init(spans: [SpanRecord], order: [String]) {
        var traces: [String: [SpanRecord]] = [:]
        for span in spans { traces[span.traceId, default: []].append(span) }
        self.traces = traces
        self.order = order
        let ordered = order.flatMap { traces[$0] ?? [] }
        calls = ordered.filter { $0.role.contains(.call) }
        retrievals = ordered.filter { $0.operation == .retrieval }
        breakdowns = traces.mapValues(StageBreakdown.init(spans:))
    }

    /// Whether a trace retrieved documents before it called a model: its calls are retrieval-augmented.
    public func retrieves(_ traceId: String) -> Bool {
        traces[traceId]?.contains { $0.operation == .retrieval } ?? false
    }
}
