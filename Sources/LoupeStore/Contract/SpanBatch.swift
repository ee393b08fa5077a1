import LoupeCore

/// Spans on their way to a store, with their rollup and trace-summary contributions already added up.
///
/// Building a batch does the store-independent work (aggregating, and encoding the JSON text of
/// each span: together more than half of writing a span) on the thread that received the spans, so a
/// store's single writer only inserts rows. Batches from concurrent requests merge cheaply: their
/// spans are kept as segments, their aggregates merged per key.
public struct SpanBatch: Sendable {
    public private(set) var segments: [[SpanRecord]]
    /// The JSON text of each span, parallel to ``segments``.
    public private(set) var texts: [[SpanText]]
    public private(set) var rollups: RollupAggregator
    public private(set) var traces: TraceSummaryAggregator

    public init(_ spans: [SpanRecord]) {
        segments = spans.isEmpty ? [] : [spans]
        texts = spans.isEmpty ? [] : [SpanText.encode(spans)]
        rollups = RollupAggregator()
        traces = TraceSummaryAggregator()
        for span in spans {
            rollups.add(span)
            traces.add(span)
        }
    }

    public var count: Int { segments.reduce(0) { $0 + $1.count } }

    public mutating func append(_ other: SpanBatch) {
        segments += other.segments
        texts += other.texts
        rollups.merge(other.rollups)
        traces.merge(other.traces)
    }

    /// The aggregates of only the spans a store found new, for the rare batch that repeats stored spans.
    public static func aggregates(of spans: some Sequence<SpanRecord>) -> (RollupAggregator, TraceSummaryAggregator) {
        var rollups = RollupAggregator()
        var traces = TraceSummaryAggregator()
        for span in spans {
            rollups.add(span)
            traces.add(span)
        }
        return (rollups, traces)
    }
}
