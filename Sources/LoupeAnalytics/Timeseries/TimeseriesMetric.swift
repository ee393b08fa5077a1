import LoupeCore
import LoupeStore

/// What a time series plots per step. Counts, errors and latency are in the query's unit.
public enum TimeseriesMetric: String, Sendable, Hashable, CaseIterable {
    /// How many requests, calls or spans (the query's unit) started in the step.
    case count
    case errors
    case errorRate = "error_rate"
    case latencyP50 = "latency_p50"
    case latencyP95 = "latency_p95"
    case latencyP99 = "latency_p99"
    case costUSD = "cost_usd"
    case tokens
    case inputTokens = "input_tokens"
    case outputTokens = "output_tokens"

    /// The value for one step in a unit, nil where it is undefined (nothing counted, so no latency;
    /// nothing priced, so no known cost). Tokens and cost are the same in every unit.
    public func value(_ measures: UnitMeasures, unit: CountUnit) -> Double? {
        let m = measures[unit]
        switch self {
        case .count: return Double(m.count)
        case .errors: return Double(m.errors)
        case .errorRate: return m.errorRate
        case .latencyP50: return m.latency.quantile(0.50)
        case .latencyP95: return m.latency.quantile(0.95)
        case .latencyP99: return m.latency.quantile(0.99)
        default: return Self.usageValue(self, measures.spans)
        }
    }

    private static func usageValue(_ metric: TimeseriesMetric, _ m: RollupMeasures) -> Double? {
        switch metric {
        case .costUSD: return m.knownCostUSD
        case .tokens: return Double(m.totalTokens)
        case .inputTokens: return Double(m.inputTokens)
        case .outputTokens: return Double(m.outputTokens)
        default: return nil
        }
    }
}
