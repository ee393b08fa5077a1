import LoupeCore
import LoupeStore

/// The measures of one summary group as the API returns them.
struct MeasuresBody: Encodable, Sendable {
    struct Latency: Encodable, Sendable {
        var p50: Double?
        var p95: Double?
        var p99: Double?
    }

    var key: [String: String]
    var requests: Int64
    var errors: Int64
    var errorRate: Double
    var inputTokens: Int64
    var outputTokens: Int64
    var cacheReadTokens: Int64
    var totalTokens: Int64
    var costUSD: Double
    /// Model calls without a price: their cost is unknown and not in `cost_usd`.
    var unpricedCalls: Int64
    var latencyMs: Latency

    init(key: [String: String], measures m: RollupMeasures) {
        self.key = key
        requests = m.requests
        errors = m.errors
        errorRate = m.requests == 0 ? 0 : Double(m.errors) / Double(m.requests)
        inputTokens = m.inputTokens
        outputTokens = m.outputTokens
        cacheReadTokens = m.cacheReadTokens
        totalTokens = m.totalTokens
        costUSD = m.costUSD
        unpricedCalls = m.unpricedCalls
        latencyMs = Latency(p50: m.latency.quantile(0.5), p95: m.latency.quantile(0.95), p99: m.latency.quantile(0.99))
    }

    enum CodingKeys: String, CodingKey {
        case key, requests, errors
        case errorRate = "error_rate"
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case cacheReadTokens = "cache_read_tokens"
        case totalTokens = "total_tokens"
        case costUSD = "cost_usd"
        case unpricedCalls = "unpriced_calls"
        case latencyMs = "latency_ms"
    }
}
