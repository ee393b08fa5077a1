import LoupeAnalytics
import LoupeCore
import LoupeStore

/// The measures of one summary group as the API returns them: each unit apart, then tokens and cost.
struct MeasuresBody: Encodable, Sendable {
    struct Latency: Encodable, Sendable {
        var p50: Double?
        var p95: Double?
        var p99: Double?

        init(_ histogram: LatencyHistogram) {
            p50 = histogram.quantile(0.5)
            p95 = histogram.quantile(0.95)
            p99 = histogram.quantile(0.99)
        }
    }

    /// Time to first token of the streamed calls that reported one.
    struct TimeToFirstToken: Encodable, Sendable {
        var count: UInt64
        var p50: Double?
        var p95: Double?
        var p99: Double?

        init(_ histogram: LatencyHistogram) {
            count = histogram.count
            p50 = histogram.quantile(0.5)
            p95 = histogram.quantile(0.95)
            p99 = histogram.quantile(0.99)
        }
    }

    /// Count, errors and latency in one unit.
    struct Unit: Encodable, Sendable {
        var count: Int64
        var errors: Int64
        var errorRate: Double?
        var latencyMs: Latency

        init(_ m: RollupMeasures) {
            count = m.count
            errors = m.errors
            errorRate = m.errorRate
            latencyMs = Latency(m.latency)
        }

        enum CodingKeys: String, CodingKey {
            case count, errors
            case errorRate = "error_rate"
            case latencyMs = "latency_ms"
        }
    }

    /// Requests with at least one failed model call (a retry or fallback may have recovered it).
    struct FailedCalls: Encodable, Sendable {
        var count: Int64
        var share: Double?
    }

    var key: [String: String]
    var requests: Unit
    /// Null where the grouping or filters reach below a request (by model, say).
    var requestsWithFailedCall: FailedCalls?
    var calls: Unit
    var spans: Unit
    var timeToFirstTokenMs: TimeToFirstToken
    var inputTokens: Int64
    var outputTokens: Int64
    var cacheReadTokens: Int64
    var totalTokens: Int64
    /// The cost of the priced calls; null when none was priced, never a silent zero.
    var costUSD: Double?
    var pricedCalls: Int64
    /// Model calls without a price: their cost is unknown and not in `cost_usd`.
    var unpricedCalls: Int64

    init(_ group: SummaryGroup) {
        self.init(key: group.key, measures: group.measures)
        requestsWithFailedCall = group.requestsWithFailedCall.map { FailedCalls(count: $0, share: group.failedCallShare) }
    }

    init(key: [String: String], measures: UnitMeasures) {
        self.key = key
        requests = Unit(measures.requests)
        calls = Unit(measures.calls)
        spans = Unit(measures.spans)
        timeToFirstTokenMs = TimeToFirstToken(measures.calls.timeToFirstToken)
        let m = measures.spans
        inputTokens = m.inputTokens
        outputTokens = m.outputTokens
        cacheReadTokens = m.cacheReadTokens
        totalTokens = m.totalTokens
        costUSD = m.knownCostUSD
        pricedCalls = m.pricedCalls
        unpricedCalls = m.unpricedCalls
    }

    enum CodingKeys: String, CodingKey {
        case key, requests, calls, spans
        case requestsWithFailedCall = "requests_with_failed_call"
        case timeToFirstTokenMs = "time_to_first_token_ms"
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case cacheReadTokens = "cache_read_tokens"
        case totalTokens = "total_tokens"
        case costUSD = "cost_usd"
        case pricedCalls = "priced_calls"
        case unpricedCalls = "unpriced_calls"
    }

    /// Encodes `cost_usd` as null rather than leaving it out: a reader must see that it is unknown.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(requests, forKey: .requests)
        try c.encode(requestsWithFailedCall, forKey: .requestsWithFailedCall)
        try c.encode(calls, forKey: .calls)
        try c.encode(spans, forKey: .spans)
        try c.encode(inputTokens, forKey: .inputTokens)
        try c.encode(outputTokens, forKey: .outputTokens)
        try c.encode(cacheReadTokens, forKey: .cacheReadTokens)
        try c.encode(totalTokens, forKey: .totalTokens)
        try c.encode(costUSD, forKey: .costUSD)
        try c.encode(pricedCalls, forKey: .pricedCalls)
        try c.encode(unpricedCalls, forKey: .unpricedCalls)
    }
}
