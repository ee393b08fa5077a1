import LoupeStore

/// Rollup and trace-summary deltas of committed spans that are not yet folded into their tables.
///
/// Upserting every rollup row and trace summary a commit touches cost more than inserting the spans
/// themselves: a commit of a few hundred spans touches hundreds of rows, each a B-tree seek and a
/// histogram merge, and most are touched again by the next commit. Keeping the deltas in memory and
/// folding them in about once a second writes each row once per interval instead.
///
/// Spans stay the durable truth (a request is acknowledged once its spans are committed). These
/// deltas are derived from them: after a crash ``AggregateRecovery`` rebuilds them from the spans past
/// the stored watermark.
struct PendingAggregates: Sendable {
    private(set) var rollups = RollupAggregator()
    private(set) var traces = TraceSummaryAggregator()
    /// When the oldest delta here was committed: how far the folded tables lag behind ingest.
    private(set) var oldestCommit: ContinuousClock.Instant?

    init() {}

    init(rollups: RollupAggregator, traces: TraceSummaryAggregator) {
        self.rollups = rollups
        self.traces = traces
    }

    var isEmpty: Bool { rollups.isEmpty && traces.traces.isEmpty }

    /// Rows a fold would write; bounds the memory pending deltas may take.
    var rowCount: Int { rollups.rows.count + traces.traces.count }

    /// Adds a commit's deltas.
    mutating func add(committed other: PendingAggregates, at instant: ContinuousClock.Instant) {
        if isEmpty, !other.isEmpty { oldestCommit = instant }
        merge(other)
    }

    mutating func merge(_ other: PendingAggregates) {
        rollups.merge(other.rollups)
        traces.merge(other.traces)
    }
}
