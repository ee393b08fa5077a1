import LoupeCore

/// What a rollup row adds up. Tokens and cost count only spans whose usage counts (see ``SpanRecord/countsUsage``).
///
/// `count`, `errors` and `latency` are of the row's spans; which unit that is (requests, calls or
/// any span) is the row key's ``RollupKey/role``, and ``UnitMeasures`` puts rows together by unit.
public struct RollupMeasures: Sendable, Hashable {
    /// Spans added.
    public var count: Int64 = 0
    /// Failed spans added.
    public var errors: Int64 = 0
    public var inputTokens: Int64 = 0
    public var outputTokens: Int64 = 0
    public var cacheReadTokens: Int64 = 0
    public var totalTokens: Int64 = 0
    public var costUSD: Double = 0
    /// Counted spans with a cost: ``costUSD`` is theirs.
    public var pricedCalls: Int64 = 0
    /// Model calls that reported usage but had no price: their cost is unknown, not zero.
    public var unpricedCalls: Int64 = 0
    public var durationSumMs: Double = 0
    public var latency = LatencyHistogram()
    /// Time to first token of the streamed calls that reported one (its count is theirs).
    public var timeToFirstToken = LatencyHistogram()

    public init() {}

    public mutating func add(_ span: SpanRecord) {
        add(span, latencyBucket: LatencyHistogram.bucketIndex(ofMs: span.durationMs))
    }

    /// Adds a span whose latency bucket the caller computed once for all the rows it lands in.
    public mutating func add(_ span: SpanRecord, latencyBucket: Int) {
        count += 1
        if span.isError { errors += 1 }
        durationSumMs += span.durationMs
        latency.add(bucket: latencyBucket, count: 1)
        if let ttft = span.timeToFirstTokenMs, ttft >= 0 { timeToFirstToken.record(ms: ttft) }
        guard span.countsUsage else { return }
        let usage = span.usage
        inputTokens += usage.input ?? 0
        outputTokens += usage.output ?? 0
        cacheReadTokens += usage.cacheRead ?? 0
        totalTokens += usage.effectiveTotal
        if let cost = span.costUSD {
            costUSD += cost
            pricedCalls += 1
        } else if usage.isReported {
            unpricedCalls += 1
        }
    }

    public mutating func merge(_ other: RollupMeasures) {
        count += other.count
        errors += other.errors
        inputTokens += other.inputTokens
        outputTokens += other.outputTokens
        cacheReadTokens += other.cacheReadTokens
        totalTokens += other.totalTokens
        costUSD += other.costUSD
        pricedCalls += other.pricedCalls
        unpricedCalls += other.unpricedCalls
        durationSumMs += other.durationSumMs
        latency.merge(other.latency)
        timeToFirstToken.merge(other.timeToFirstToken)
    }
}

extension RollupMeasures {
    /// Known cost: nil when nothing was priced, because a group whose calls have no price (or
    /// that has no model calls) did not cost $0, its cost is unknown.
    public var knownCostUSD: Double? { pricedCalls > 0 ? costUSD : nil }

    public var errorRate: Double? { count == 0 ? nil : Double(errors) / Double(count) }
}
