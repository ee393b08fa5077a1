import LoupeCore
import LoupeStore

/// How full the model's context window runs. Seed 000 sets 0.90 as the limit: above it, a call is
/// one long document away from failing, and long contexts answer slower. Persistently tiny use
/// in retrieval-augmented calls means the retrieved context is thin.
public struct ContextWindowAdvisor: RecommendationAdvisor {
    public var limit = 0.90
    public var tiny = 0.02
    public var minimumCalls = 20
    /// Share of calls above the limit that makes it a pattern.
    public var minimumOverShare = 0.02

    public init() {}

    public var kinds: [Recommendation.Kind] { [.contextOverflow, .contextTiny] }

    public func recommendations(_ input: RecommendationInput) -> [Recommendation] {
        let calls = input.sample.calls.filter { $0.operation == .llm && ($0.usage.input ?? 0) > 0 && $0.model != nil }
        return Dictionary(grouping: calls) { [$0.service, $0.provider ?? "", $0.model ?? ""] }.compactMap { key, calls -> Recommendation? in
            guard calls.count >= minimumCalls, let window = input.price(key[1], key[2])?.contextWindow, window > 0 else { return nil }
            let use = calls.map { Double($0.usage.input ?? 0) / Double(window) }.sorted()
            let p95 = NearestRank.quantile(0.95, ofSorted: use) ?? 0
            let over = calls.filter { Double($0.usage.input ?? 0) / Double(window) > limit }
            let scope = ["service": key[0], "provider": key[1], "model": key[2]]
            let overflowFailures = input.models.filter { $0.service == key[0] && $0.model == key[2] }
                .map { $0.failuresByCategory[ErrorCategory.contextLength.rawValue] ?? 0 }.reduce(0, +)
            if Double(over.count) / Double(calls.count) >= minimumOverShare && over.count >= 3 {
                let meanOverMs = over.map(\.durationMs).reduce(0, +) / Double(over.count)
                let meanMs = calls.map(\.durationMs).reduce(0, +) / Double(calls.count)
                // Trimming to the limit saves at least the input tokens above it, at the input price.
                let excess = over.map { Double($0.usage.input ?? 0) - limit * Double(window) }.reduce(0, +)
                let usage = input.chatUsage(service: key[0], model: key[2])
                let saving = input.price(key[1], key[2]).flatMap { price -> Double? in
                    guard let usage, price.unit == .usd else { return nil }
                    let scale = Double(usage.calls.count) / Double(max(1, calls.count))
                    return input.monthly(excess * scale * price.inputPerMillion / 1_000_000)
                }
                return Recommendation(
                    kind: .contextOverflow, scope: scope,
                    action: "Trim, summarise or chunk the context \(key[0]) sends to \(key[2])",
                    reason: "\(Figures.percent(Double(over.count) / Double(calls.count))) of its calls fill more than "
                        + "\(Figures.percent(limit)) of the \(Figures.count(window))-token window: one longer input away from a context-length failure, "
                        + "and they run \(Figures.ms(meanOverMs)) against \(Figures.ms(meanMs)) on average.",
                    evidence: [
                        .init("calls above \(Figures.percent(limit))", "\(over.count) of \(calls.count) sampled"),
                        .init("p95 utilisation", Figures.percent(p95)),
                        .init("largest input", "\(Figures.count(over.compactMap { $0.usage.input }.max() ?? 0)) tokens"),
                        .init("context-length failures in range", Figures.count(overflowFailures)),
                    ],
                    exampleTraces: Array(over.prefix(3).map(\.traceId)),
                    monthlySavingUSD: saving,
                    latencyGainMs: meanOverMs > meanMs ? (meanOverMs - meanMs) * Double(over.count) / Double(calls.count) : nil,
                    confidence: Recommendation.confidence(observations: Int64(over.count), half: 5)
                )
            }
            let augmented = calls.filter { input.sample.retrieves($0.traceId) }
            if p95 < tiny, augmented.count >= minimumCalls {
                return Recommendation(
                    kind: .contextTiny, scope: scope,
                    action: "Give \(key[0])'s \(key[2]) calls more retrieved context (higher top-k or larger chunks), or a smaller-window model",
                    reason: "Even its largest prompts use \(Figures.percent(p95)) of the \(Figures.count(window))-token window: answers rest "
                        + "on very little retrieved text, and the window it pays for goes unused.",
                    evidence: [
                        .init("p95 utilisation", Figures.percent(p95)),
                        .init("median input", "\(Figures.tokens(Double(calls.compactMap { $0.usage.input }.sorted()[calls.count / 2]))) tokens"),
                        .init("retrieval-augmented calls", "\(augmented.count) of \(calls.count) sampled"),
                    ],
                    exampleTraces: Array(augmented.prefix(3).map(\.traceId)),
                    confidence: Recommendation.confidence(observations: Int64(augmented.count), half: 50, clarity: 0.7)
                )
            }
            return nil
        }
    }
}
