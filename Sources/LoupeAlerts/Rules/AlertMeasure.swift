import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// A summary measure a threshold rule can watch, read from one summary group.
public enum AlertMeasure: String, Sendable, Hashable, Codable, CaseIterable {
    case requests
    case errors
    case errorRate = "error_rate"
    case successRate = "success_rate"
    case latencyP50 = "latency_p50_ms"
    case latencyP95 = "latency_p95_ms"
    case latencyP99 = "latency_p99_ms"
    case timeToFirstTokenP95 = "ttft_p95_ms"
    case cost = "cost_usd"
    case costPerRequest = "cost_per_request"
    case tokens
    case tokensPerRequest = "tokens_per_request"
    /// Input tokens per model call over the model's context window (from the price catalog).
    case tokenUtilisation = "token_utilisation"

    /// Also accepts the American spelling of token utilisation.
    public init?(name: String) {
        self.init(rawValue: name == "token_utilization" ? "token_utilisation" : name)
    }

    /// The value for one group, in the unit that fits the rule's grouping (requests unless grouped
    /// below a request, by model say); nil when the group has nothing to measure it on.
    public func value(
        of group: SummaryGroup, unit: CountUnit, catalog: PriceCatalog?, atUnixNanos time: Int64
    ) -> Double? {
        let m = group.measures[unit]
        let usage = group.measures.spans
        switch self {
        case .requests: return Double(m.count)
        case .errors: return Double(m.errors)
        case .errorRate: return m.errorRate
        case .successRate: return m.errorRate.map { 1 - $0 }
        case .latencyP50: return m.latency.quantile(0.5)
        case .latencyP95: return m.latency.quantile(0.95)
        case .latencyP99: return m.latency.quantile(0.99)
        case .timeToFirstTokenP95: return group.measures.calls.timeToFirstToken.quantile(0.95)
        case .cost: return usage.knownCostUSD
        case .costPerRequest: return m.count > 0 ? usage.knownCostUSD.map { $0 / Double(m.count) } : nil
        case .tokens: return Double(usage.totalTokens)
        case .tokensPerRequest: return m.count > 0 ? Double(usage.totalTokens) / Double(m.count) : nil
        case .tokenUtilisation:
            guard let model = group.key["model"], !model.isEmpty, group.measures.calls.count > 0,
                let window = catalog?.price(provider: group.key["provider"], model: model, atUnixNanos: time)?.contextWindow,
                window > 0
            else { return nil }
            return Double(usage.inputTokens) / Double(group.measures.calls.count) / Double(window)
        }
    }

    /// How a value of this measure reads to a person.
    public func format(_ value: Double) -> String {
        switch self {
        case .requests, .errors, .tokens: return String(format: "%.0f", value)
        case .errorRate, .successRate, .tokenUtilisation: return String(format: "%.1f%%", value * 100)
        case .latencyP50, .latencyP95, .latencyP99, .timeToFirstTokenP95:
            return value >= 1_000 ? String(format: "%.2f s", value / 1_000) : String(format: "%.0f ms", value)
        case .cost, .costPerRequest: return value < 1 ? String(format: "$%.4f", value) : String(format: "$%.2f", value)
        case .tokensPerRequest: return String(format: "%.0f", value)
        }
    }
}
