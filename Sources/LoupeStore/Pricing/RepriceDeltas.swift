import LoupeCore

/// Collects what repricing changes in rollups and trace summaries, so every store applies the same corrections.
public struct RepriceDeltas: Sendable {
    public private(set) var rollups: [RollupKey: RollupMeasures] = [:]
    public private(set) var traces: [String: TraceSummary] = [:]
    public private(set) var outcome = RepriceOutcome()

    public init() {}

    /// Records that `span` (as stored) now costs `newCost`; returns whether its stored cost must change.
    public mutating func reprice(_ span: SpanRecord, to newCost: Double?) -> Bool {
        guard span.countsUsage, span.usage.isReported else { return false }
        outcome.examined += 1
        outcome.costBeforeUSD += span.costUSD ?? 0
        outcome.costAfterUSD += newCost ?? 0
        if newCost == nil { outcome.unpriced += 1 }
        guard newCost != span.costUSD else { return false }
        outcome.changed += 1
        let costDelta = (newCost ?? 0) - (span.costUSD ?? 0)
        let unpricedDelta: Int64 = (newCost == nil ? 1 : 0) - (span.costUSD == nil ? 1 : 0)
        for key in RollupAggregator.keys(for: span) {
            rollups[key, default: RollupMeasures()].costUSD += costDelta
            rollups[key, default: RollupMeasures()].pricedCalls -= unpricedDelta
            rollups[key, default: RollupMeasures()].unpricedCalls += unpricedDelta
        }
        let delta = TraceSummary(
            traceId: span.traceId, project: span.project, service: span.service, rootName: nil, startNanos: span.startNanos,
            endNanos: span.endNanos, spanCount: 0, errorCount: 0, inputTokens: 0, outputTokens: 0, costUSD: costDelta, userId: nil
        )
        if traces[span.traceId] == nil { traces[span.traceId] = delta } else { traces[span.traceId]?.merge(delta) }
        return true
    }
}
