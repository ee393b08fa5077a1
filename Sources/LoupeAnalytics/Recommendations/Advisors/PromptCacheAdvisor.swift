import LoupeCore
import LoupeStore

/// Long prompts that start the same way (a system prompt, tool definitions, a document) while
/// few input tokens are read from the provider's prompt cache: placing the stable part first and
/// enabling caching bills it at the cached price.
public struct PromptCacheAdvisor: RecommendationAdvisor {
    public var minimumCalls = 20
    /// Share of long prompts whose prefix repeats.
    public var minimumRepeatShare = 0.3
    /// Above this cached-token share, caching already works.
    public var maximumCachedShare = 0.2
    /// Tokens in the hashed prefix (``PromptHashEnricher/prefixCharacters`` at four characters a token).
    public var prefixTokens = 1_024.0

    public init() {}

    public var kinds: [Recommendation.Kind] { [.promptCache] }

    public func recommendations(_ input: RecommendationInput) -> [Recommendation] {
        let long = input.sample.calls.filter { $0.attributes["loupe.prompt.prefix_hash"] != nil && $0.model != nil }
        return Dictionary(grouping: long) { [$0.service, $0.model ?? ""] }.compactMap { key, calls -> Recommendation? in
            guard calls.count >= minimumCalls,
                let usage = input.chatUsage(service: key[0], model: key[1])
            else { return nil }
            let byPrefix = Dictionary(grouping: calls) { $0.attributes["loupe.prompt.prefix_hash"]?.stringValue ?? "" }
            let repeated = byPrefix.values.filter { $0.count > 1 }.map(\.count).reduce(0, +)
            let share = Double(repeated) / Double(calls.count)
            let cachedShare = usage.usage.inputTokens > 0 ? Double(usage.usage.cacheReadTokens) / Double(usage.usage.inputTokens) : 0
            guard share >= minimumRepeatShare, cachedShare <= maximumCachedShare else { return nil }
            // A provider without a cached price (Snowflake Cortex, say) has no prompt cache to enable.
            guard let price = input.price(usage.provider, usage.model), let cached = price.cachedInputPerMillion,
                cached < price.inputPerMillion
            else { return nil }
            // Calls of the range with a long, repeated prefix: the sample's share of all calls.
            let sampled = input.sampledCalls { $0.service == key[0] && $0.model == key[1] }
            let cacheable = Double(usage.calls.count) * Double(calls.count) / Double(max(1, sampled)) * share
            let saving = input.monthly(cacheable * prefixTokens * (price.inputPerMillion - cached) / 1_000_000)
            let priceNote = "\(Figures.usd(price.inputPerMillion)) → \(Figures.usd(cached)) per million input tokens"
            return Recommendation(
                kind: .promptCache, scope: usage.scope,
                action: "Enable prompt caching for \(usage.service)'s \(usage.model) calls, stable part of the prompt first",
                reason: "\(Figures.percent(share)) of its long prompts share their first ~1,024 tokens with another call, yet only "
                    + "\(Figures.percent(cachedShare)) of its input tokens are read from the provider's cache.",
                evidence: [
                    .init("long prompts with a shared prefix", "\(repeated) of \(calls.count) sampled"),
                    .init("distinct prefixes", Figures.count(Int64(byPrefix.count))),
                    .init("cached input share", Figures.percent(cachedShare)),
                    .init("price", priceNote),
                ],
                exampleTraces: Array((byPrefix.values.max { $0.count < $1.count } ?? []).prefix(3).map(\.traceId)),
                monthlySavingUSD: saving,
                confidence: Recommendation.confidence(observations: Int64(repeated), half: 20)
            )
        }
    }
}
