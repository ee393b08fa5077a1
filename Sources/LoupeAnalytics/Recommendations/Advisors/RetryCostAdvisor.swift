import LoupeCore
import LoupeStore

/// A model that fails often enough that its failures, retried, cost more than a sibling model that
/// rarely fails: the price per *good* answer, not per call, is what a model costs. Refusals for rate
/// limits and quota are left to ``RateLimitAdvisor``: the remedy there is capacity, not the model.
public struct RetryCostAdvisor: RecommendationAdvisor {
    public var minimumCalls: Int64 = 30
    public var minimumErrorRate = 0.10

    public init() {}

    public var kinds: [Recommendation.Kind] { [.retryCost] }

    public func recommendations(_ input: RecommendationInput) -> [Recommendation] {
        var found: [Recommendation] = []
        let eligible = input.models.filter { $0.calls.count >= minimumCalls }
        for failing in eligible where Self.failureRate(failing) >= minimumErrorRate {
            let siblings = eligible.filter {
                $0.service == failing.service && $0.operation == failing.operation && $0.model != failing.model
                    && $0.errorRate <= Self.failureRate(failing) / 2
            }
            // Every failed call is retried: it adds a call's latency and, when the failure was
            // billed, a call's cost. The effective price is spend per successful answer.
            let failures = failing.calls.errors
            let meanMs = failing.calls.count > 0 ? failing.calls.durationSumMs / Double(failing.calls.count) : 0
            let reliable = siblings.min { ($0.costPerSuccess ?? .infinity) < ($1.costPerSuccess ?? .infinity) }
            var evidence: [Recommendation.Evidence] = [
                .init("error rate", Figures.percent(failing.errorRate)),
                .init("failed calls", Figures.count(failures)),
                .init("top failure", failing.failuresByCategory.max { $0.value < $1.value }.map { "\($0.key) (\(Figures.count($0.value)))" } ?? "-"),
                .init("billed failures", Figures.usd(failing.failedCostUSD)),
            ]
            var saving: Double?
            var action = "Find why \(failing.model) fails \(Figures.percent(failing.errorRate)) of \(failing.service)'s \(failing.operation) calls"
            var reason = "Each failure is a retry: about \(Figures.ms(meanMs)) more per affected request"
            if let perSuccess = failing.costPerSuccess, let reliable, let reliableCost = reliable.costPerSuccess {
                evidence.append(.init("cost per successful call", "\(Figures.usd(perSuccess)) vs \(Figures.usd(reliableCost)) on \(reliable.model)"))
                evidence.append(.init("\(reliable.model) error rate", Figures.percent(reliable.errorRate)))
                if perSuccess > reliableCost {
                    action = "Move \(failing.service)'s \(failing.operation) calls from \(failing.model) to \(reliable.model), or fix its failures"
                    reason += ", and counting retries a good answer costs \(Figures.usd(perSuccess)) on \(failing.model) against "
                        + "\(Figures.usd(reliableCost)) on \(reliable.model)"
                    saving = input.monthly((perSuccess - reliableCost) * Double(failing.successes))
                }
            }
            found.append(Recommendation(
                kind: .retryCost, scope: failing.scope, action: action, reason: reason + ".", evidence: evidence,
                exampleTraces: ModelSelectionAdvisor.examples(input, failing) { $0.isError },
                monthlySavingUSD: saving,
                latencyGainMs: meanMs * Double(failures) / Double(max(1, failing.calls.count)),
                confidence: Recommendation.confidence(observations: failures, half: 20)
            ))
        }
        return found
    }

    /// Failures other than capacity refusals, over all calls.
    static func failureRate(_ usage: ModelUsage) -> Double {
        let capacity = [ErrorCategory.rateLimit, .quotaExhausted].map { usage.failuresByCategory[$0.rawValue] ?? 0 }.reduce(0, +)
        return Double(usage.calls.errors - capacity) / Double(max(1, usage.calls.count))
    }
}
