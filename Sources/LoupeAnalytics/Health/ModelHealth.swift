import LoupeCore
import LoupeStore

/// How one model of one provider is doing over a recent window, and what a router should do:
/// the fleet-wide view every instance's circuit breaker can share.
public struct ModelHealth: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable {
        case healthy
        /// Failing or throttled more than usual: keep it, expect fallbacks.
        case degraded
        /// Failing most calls: route around it until it recovers.
        case avoid

        /// Avoid first, then degraded, then healthy.
        var urgency: Int { self == .avoid ? 0 : self == .degraded ? 1 : 2 }
    }

    public var provider: String
    public var model: String
    public var calls: Int64
    public var errorRate: Double?
    public var errorsByCategory: [String: Int64]
    public var p95Ms: Double?
    /// Share of calls refused by the provider's rate limits.
    public var rateLimitShare: Double?
    public var state: State
    /// Why the state, for a person.
    public var reason: String

    /// Below this many calls in the window a model is judged healthy: too little to say otherwise.
    public static let minimumCalls: Int64 = 5
    /// Error rate from which a model is to be avoided.
    public static let avoidErrorRate = 0.5
    /// Error rate, and rate-limited share, from which a model is degraded.
    public static let degradedErrorRate = 0.1
    public static let degradedRateLimitShare = 0.05

    /// The states of every model called in a window, from a summary grouped by provider, model and error category.
    public static func report(_ summary: SummaryReport) -> [ModelHealth] {
        var byModel: [[String]: (measures: UnitMeasures, categories: [String: Int64])] = [:]
        for group in summary.groups {
            let model = group.key["model"] ?? ""
            guard !model.isEmpty, group.measures.calls.count > 0 else { continue }
            let key = [group.key["provider"] ?? "", model]
            var entry = byModel[key] ?? (UnitMeasures(), [:])
            entry.measures.merge(group.measures)
            if let category = group.key["error_category"], !category.isEmpty { entry.categories[category, default: 0] += group.measures.calls.errors }
            byModel[key] = entry
        }
        return byModel.map { key, entry in
            let calls = entry.measures.calls
            let rateLimited = entry.categories["rate_limit"] ?? 0
            let share = calls.count > 0 ? Double(rateLimited) / Double(calls.count) : nil
            let (state, reason) = judge(calls: calls.count, errorRate: calls.errorRate, rateLimitShare: share)
            return ModelHealth(
                provider: key[0], model: key[1], calls: calls.count, errorRate: calls.errorRate, errorsByCategory: entry.categories,
                p95Ms: calls.latency.quantile(0.95), rateLimitShare: share, state: state, reason: reason
            )
        }.sorted { ($0.state.urgency, -$0.calls, $0.model) < ($1.state.urgency, -$1.calls, $1.model) }
    }

    static func judge(calls: Int64, errorRate: Double?, rateLimitShare: Double?) -> (State, String) {
        guard calls >= minimumCalls, let errorRate else { return (.healthy, "\(calls) calls: too few to judge") }
        let percent = { (value: Double) in "\(Int((value * 100).rounded()))%" }
        if errorRate >= avoidErrorRate { return (.avoid, "\(percent(errorRate)) of \(calls) calls failed") }
        if errorRate >= degradedErrorRate { return (.degraded, "\(percent(errorRate)) of \(calls) calls failed") }
        if let share = rateLimitShare, share >= degradedRateLimitShare { return (.degraded, "\(percent(share)) of calls rate-limited") }
        return (.healthy, "\(percent(errorRate)) of \(calls) calls failed")
    }
}
