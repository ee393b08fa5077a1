import LoupeCore
import LoupeStore

/// What a time series plots per step.
public enum TimeseriesMetric: String, Sendable, Hashable, CaseIterable {
    case requests
    case errors
    case errorRate = "error_rate"
    case latencyP50 = "latency_p50"
    case latencyP95 = "latency_p95"
    case latencyP99 = "latency_p99"
    case costUSD = "cost_usd"
    case tokens
    case inputTokens = "input_tokens"
    case outputTokens = "output_tokens"

    /// The value for one step, nil where it is undefined (no requests, so no latency).
    public func value(_ m: RollupMeasures) -> Double? {
        switch self {
        case .requests: return Double(m.requests)
        case .errors: return Double(m.errors)
        case .errorRate: return m.requests == 0 ? nil : Double(m.errors) / Double(m.requests)
        case .latencyP50: return m.latency.quantile(0.50)
        case .latencyP95: return m.latency.quantile(0.95)
        case .latencyP99: return m.latency.quantile(0.99)
        case .costUSD: return m.costUSD
        case .tokens: return Double(m.totalTokens)
        case .inputTokens: return Double(m.inputTokens)
        case .outputTokens: return Double(m.outputTokens)
        }
    }
}
