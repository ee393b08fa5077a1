import LoupeCore
import LoupeStore

/// One model's calls for one operation of one service over the range, from the rollups.
public struct ModelUsage: Sendable, Hashable {
    public var service: String
    public var operation: String
    public var provider: String
    public var model: String
    /// Counts, errors and latency of the calls.
    public var calls = RollupMeasures()
    /// Tokens and cost (of the calls that count usage).
    public var usage = RollupMeasures()
    /// Failed calls by error category.
    public var failuresByCategory: [String: Int64] = [:]
    /// Cost of the failed calls that were billed anyway (a timeout after generating, a filtered answer).
    public var failedCostUSD: Double = 0

    public var successes: Int64 { calls.count - calls.errors }
    public var errorRate: Double { calls.errorRate ?? 0 }
    /// Known cost per call; nil when unpriced.
    public var costPerCall: Double? { calls.count > 0 ? usage.knownCostUSD.map { $0 / Double(calls.count) } : nil }
    /// What one good answer costs: all billed spend over the successful calls.
    public var costPerSuccess: Double? { successes > 0 ? usage.knownCostUSD.map { $0 / Double(successes) } : nil }
    public var p95Ms: Double? { calls.latency.quantile(0.95) }
    public var scope: [String: String] { ["service": service, "operation": operation, "provider": provider, "model": model] }

    /// The model calls of a summary grouped by service, operation, provider, model and error category.
    static func grouping(_ groups: [SummaryGroup]) -> [ModelUsage] {
        var byModel: [[String]: ModelUsage] = [:]
        for group in groups {
            let k = group.key
            guard let model = k["model"], !model.isEmpty, group.measures.calls.count > 0 else { continue }
            let id = [k["service"] ?? "", k["operation"] ?? "", k["provider"] ?? "", model]
            var usage = byModel[id] ?? ModelUsage(service: id[0], operation: id[1], provider: id[2], model: model)
            usage.calls.merge(group.measures.calls)
            usage.usage.merge(group.measures.spans)
            if let category = k["error_category"], !category.isEmpty {
                usage.failuresByCategory[category, default: 0] += group.measures.calls.errors
                usage.failedCostUSD += group.measures.spans.costUSD
            }
            byModel[id] = usage
        }
        return byModel.values.sorted { ($0.calls.count, $1.model) > ($1.calls.count, $0.model) }
    }
}
