import LoupeStore

/// A quantity Loupe forecasts: what a budget or a rate limit is counted in.
public enum ForecastMetric: String, Sendable, Hashable, CaseIterable, Codable {
    /// Known cost, USD.
    case costUSD = "cost_usd"
    /// Input and output tokens.
    case tokens
    /// Requests (calls per model or provider, as the unit of the grouping says).
    case requests

    /// This metric's total over one step.
    func value(_ measures: UnitMeasures, unit: CountUnit) -> Double {
        switch self {
        case .costUSD: return measures.spans.knownCostUSD ?? 0
        case .tokens: return Double(measures.spans.totalTokens)
        case .requests: return Double(measures[unit].count)
        }
    }
}
