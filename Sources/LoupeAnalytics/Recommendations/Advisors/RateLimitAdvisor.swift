import LoupeCore
import LoupeStore

/// Calls refused for rate limits or quota: load to spread across deployments, regions or keys,
/// or a quota to raise, with what the refusals cost in retry time.
public struct RateLimitAdvisor: RecommendationAdvisor {
    public var minimumRefusals: Int64 = 10
    public var minimumShare = 0.01

    public init() {}

    public var kinds: [Recommendation.Kind] { [.rateLimits] }

    public func recommendations(_ input: RecommendationInput) -> [Recommendation] {
        // Refusals are a provider's and model's, whichever services made the calls.
        var byModel: [[String]: (calls: Int64, limited: Int64, quota: Int64, durationMs: Double, services: Set<String>)] = [:]
        for usage in input.models {
            let key = [usage.provider, usage.model]
            var entry = byModel[key] ?? (0, 0, 0, 0, [])
            entry.calls += usage.calls.count
            entry.limited += usage.failuresByCategory[ErrorCategory.rateLimit.rawValue] ?? 0
            entry.quota += usage.failuresByCategory[ErrorCategory.quotaExhausted.rawValue] ?? 0
            entry.durationMs += usage.calls.durationSumMs
            if (usage.failuresByCategory[ErrorCategory.rateLimit.rawValue] ?? 0) > 0 { entry.services.insert(usage.service) }
            byModel[key] = entry
        }
        return byModel.compactMap { key, e -> Recommendation? in
            let refused = e.limited + e.quota
            let share = Double(refused) / Double(max(1, e.calls))
            guard refused >= minimumRefusals, share >= minimumShare else { return nil }
            let (provider, model) = (key[0], key[1])
            let quota = e.quota > e.limited
            let meanMs = e.durationMs / Double(max(1, e.calls))
            return Recommendation(
                kind: .rateLimits, scope: ["provider": provider, "model": model],
                action: quota
                    ? "Raise the \(provider) quota for \(model), or cap spend per user before it runs out"
                    : "Spread \(model) load over more deployments, regions or keys, or ask \(provider) for a higher rate limit",
                reason: "\(Figures.percent(share)) of \(model) calls were refused (\(Figures.count(e.limited)) rate limits, "
                    + "\(Figures.count(e.quota)) quota): each is retried after a back-off, or fails the request. "
                    + "Set its limits (--rate-limits) to see when the busiest minute reaches them.",
                evidence: [
                    .init("refused calls", "\(Figures.count(refused)) of \(Figures.count(e.calls))"),
                    .init("services affected", e.services.sorted().joined(separator: ", ")),
                    .init("mean call time", Figures.ms(meanMs)),
                ],
                exampleTraces: Array(input.sample.calls.lazy.filter {
                    $0.model == model && [ErrorCategory.rateLimit.rawValue, ErrorCategory.quotaExhausted.rawValue].contains($0.errorCategory ?? "")
                }.map(\.traceId).prefix(3)),
                latencyGainMs: meanMs * share,
                confidence: Recommendation.confidence(observations: refused, half: 20)
            )
        }
    }
}
