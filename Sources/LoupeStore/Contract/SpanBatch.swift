import LoupeCore

/// Spans on their way to a store, with their rollup and trace-summary contributions already added up.
///
/// Building a batch does the store-independent work (aggregating, and encoding the JSON text of
/// each span: together more than half of writing a span) on the thread that received the spans, so a
/// store's single writer only inserts rows. Batches from concurrent requests join cheaply: each
/// keeps its spans and deltas as a segment, and a store folds the segments' deltas into its own
/// totals directly rather than merging them twice.
public struct SpanBatch: Sendable {
    public private(set) var segments: [[SpanRecord]]
    /// The JSON text of each span, parallel to ``segments``.
    public private(set) var texts: [[SpanText]]
    /// Each segment's rollup deltas, parallel to ``segments``.
    public private(set) var segmentRollups: [RollupAggregator]
    /// Each segment's trace-summary deltas, parallel to ``segments``.
    public private(set) var segmentTraces: [TraceSummaryAggregator]
    /// The scores the spans report by convention (``Score/reported(by:)``), stored with them.
    public private(set) var scores: [Score]
    /// The retrieval and reranking steps the spans report (``Retrieval/init(_:)``), stored with them.
    public private(set) var retrievals: [Retrieval]
    /// Rollup deltas that metrics measured rather than spans (a service that sends
    /// `gen_ai.client.*` metrics instead of traces). A store adds them as they are, durably with the
    /// batch: no stored span implies them, so none can be rebuilt or de-duplicated from spans.
    public private(set) var measuredRollups = RollupAggregator()
    /// Log records (``LogRecord``: GenAI events, and logs in a trace), stored with the batch; one
    /// whose ``LogRecord/id`` is stored already is not stored again.
    public private(set) var logs: [LogRecord] = []

    /// `packingContent` packs each span's large texts too, for a store that keeps them so
    /// (``TelemetryStore/packsContent``).
    public init(_ spans: [SpanRecord], packingContent: Bool = false) {
        guard !spans.isEmpty else {
            (segments, texts, segmentRollups, segmentTraces, scores, retrievals) = ([], [], [], [], [], [])
            return
        }
        scores = spans.flatMap(Score.reported(by:))
        retrievals = spans.compactMap(Retrieval.init)
        let (rollups, traces) = Self.aggregates(of: spans)
        (segments, texts, segmentRollups, segmentTraces) = ([spans], [SpanText.encode(spans, packing: packingContent)], [rollups], [traces])
    }

    /// Rollup deltas measured by metrics, with no spans: see ``measuredRollups``.
    public init(measuredRollups: RollupAggregator) {
        self.init([])
        self.measuredRollups = measuredRollups
    }

    /// Log records, with no spans: see ``logs``. The evaluations among them
    /// (``Score/reported(by:)-(LogRecord)``) are stored as scores with them.
    public init(logs: [LogRecord]) {
        self.init([])
        self.logs = logs
        scores = logs.compactMap(Score.reported(by:))
    }

    /// Spans in the batch.
    public var count: Int { segments.reduce(0) { $0 + $1.count } }

    /// Whether writing the batch would change nothing: no spans, measured rollups or log records.
    public var isEmpty: Bool { count == 0 && measuredRollups.isEmpty && logs.isEmpty }

    /// Packs the texts of every segment built without packing, with one compressor for the batch: a
    /// store that keeps text packed calls it for batches that did not come from a server, whose
    /// segments are packed already (and cost a check each).
    public mutating func packContent() {
        var packer = ContentPacking.Packer()
        for s in texts.indices where !(texts[s].first?.isPacked ?? true) {
            for i in texts[s].indices { texts[s][i].pack(with: &packer) }
        }
    }

    /// The whole batch's rollup deltas.
    public var rollups: RollupAggregator {
        segmentRollups.reduce(into: RollupAggregator()) { $0.merge($1) }
    }

    /// The whole batch's trace-summary deltas.
    public var traces: TraceSummaryAggregator {
        segmentTraces.reduce(into: TraceSummaryAggregator()) { $0.merge($1) }
    }

    public mutating func append(_ other: SpanBatch) {
        segments += other.segments
        texts += other.texts
        segmentRollups += other.segmentRollups
        segmentTraces += other.segmentTraces
        scores += other.scores
        retrievals += other.retrievals
        measuredRollups.merge(other.measuredRollups)
        logs += other.logs
    }

    /// The aggregates of some spans: a batch's own, or only those a store found new when a batch repeats stored ones.
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
