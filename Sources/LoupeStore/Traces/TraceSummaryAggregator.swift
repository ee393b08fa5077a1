import LoupeCore

/// Folds newly stored spans into per-trace summary deltas, which stores merge into what they hold.
public struct TraceSummaryAggregator: Sendable {
    public private(set) var traces: [String: TraceSummary] = [:]

    public init() {}

    public mutating func merge(_ other: TraceSummaryAggregator) {
        for (id, summary) in other.traces {
            if traces[id] == nil { traces[id] = summary } else { traces[id]?.merge(summary) }
        }
    }

    public mutating func add(_ span: SpanRecord) {
        let usage = span.countedUsage
        let held = traces[span.traceId]
        let delta = TraceSummary(
            traceId: span.traceId, project: span.project, service: span.service,
            rootName: span.parentSpanId == nil ? span.name : nil, startNanos: span.startNanos, endNanos: span.endNanos,
            spanCount: 1, errorCount: span.isError ? 1 : 0,
            failedCalls: span.isError && span.role.contains(.call) ? 1 : 0, inputTokens: usage.input ?? 0,
            outputTokens: usage.output ?? 0, costUSD: span.countsUsage ? (span.costUSD ?? 0) : 0, userId: span.userId,
            sessionId: span.sessionId,
            // Reading the label costs a few attribute lookups per span; a trace keeps its first.
            experiment: held?.experiment == nil ? span.experimentLabel : nil,
            model: held?.model == nil && span.operation == .llm && span.role.contains(.call) ? span.model : nil,
            promptVersion: held?.promptVersion == nil ? span.promptVersion : nil, dimensions: span.dimensions
        )
        if traces[span.traceId] == nil {
            traces[span.traceId] = delta
        } else {
            traces[span.traceId]?.merge(delta)
        }
    }
}
