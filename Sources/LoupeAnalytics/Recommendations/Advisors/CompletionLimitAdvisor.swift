import LoupeCore
import LoupeStore

/// Output limits set wrong either way: completions cut off at their limit (a wasted answer,
/// usually asked again), or a limit far above anything the model writes (it counts against a
/// provider's tokens-per-minute limit, which reserves `max_tokens` per request, and lets a runaway
/// generation run long).
public struct CompletionLimitAdvisor: RecommendationAdvisor {
    public var minimumCalls = 20
    public var minimumTruncatedShare = 0.02
    /// A limit this many times the 99th percentile output is oversized.
    public var oversizeFactor = 4.0

    public init() {}

    public var kinds: [Recommendation.Kind] { [.truncatedCompletions, .oversizedMaxTokens] }

    public func recommendations(_ input: RecommendationInput) -> [Recommendation] {
        let calls = input.sample.calls.filter { $0.operation == .llm && $0.model != nil }
        var found: [Recommendation] = []
        for (key, calls) in Dictionary(grouping: calls, by: { [$0.service, $0.provider ?? "", $0.model ?? ""] }) where calls.count >= minimumCalls {
            let scope = ["service": key[0], "provider": key[1], "model": key[2]]
            let usage = input.chatUsage(service: key[0], model: key[2])
            let truncated = calls.filter(\.stoppedAtTokenLimit)
            let share = Double(truncated.count) / Double(calls.count)
            if share >= minimumTruncatedShare && truncated.count >= 3 {
                let limits = truncated.compactMap(\.requestedMaxTokens)
                found.append(Recommendation(
                    kind: .truncatedCompletions, scope: scope,
                    action: "Raise max_tokens for \(key[0])'s \(key[2]) calls, or ask for shorter answers",
                    reason: "\(Figures.percent(share)) of its completions stopped at the token limit: the answer is cut off, and "
                        + "what was paid for it is wasted when the user asks again.",
                    evidence: [
                        .init("cut off", "\(truncated.count) of \(calls.count) sampled calls"),
                        .init("their max_tokens", limits.isEmpty ? "not recorded" : "\(limits.min()!)–\(limits.max()!)"),
                        .init("their output", "\(Figures.count(truncated.compactMap { $0.usage.output }.max() ?? 0)) tokens at most"),
                    ],
                    exampleTraces: Array(truncated.prefix(3).map(\.traceId)),
                    monthlySavingUSD: usage?.usage.knownCostUSD.map { input.monthly($0 * share) },
                    confidence: Recommendation.confidence(observations: Int64(truncated.count), half: 5)
                ))
            }
            // max_tokens may sit in a JSON string (OpenInference): read once per call.
            let limited = calls.compactMap { call -> (call: SpanRecord, limit: Double, output: Double)? in
                guard let output = call.usage.output, let limit = call.requestedMaxTokens else { return nil }
                return (call, Double(limit), Double(output))
            }
            guard limited.count >= minimumCalls else { continue }
            let outputs = limited.map(\.output).sorted()
            let limits = limited.map(\.limit).sorted()
            guard let p99 = NearestRank.quantile(0.99, ofSorted: outputs), let limit = NearestRank.quantile(0.5, ofSorted: limits),
                p99 > 0, limit >= oversizeFactor * p99, truncated.isEmpty
            else { continue }
            let suggested = (p99 * 1.5 / 64).rounded(.up) * 64
            found.append(Recommendation(
                kind: .oversizedMaxTokens, scope: scope,
                action: "Lower max_tokens for \(key[0])'s \(key[2]) calls from \(Figures.tokens(limit)) to about \(Figures.tokens(suggested))",
                reason: "Its answers never came near the limit (99% under \(Figures.tokens(p99)) tokens). Providers reserve max_tokens "
                    + "against the tokens-per-minute limit, so an oversized limit throttles sooner, and a runaway generation runs longer.",
                evidence: [
                    .init("max_tokens (median)", Figures.tokens(limit)),
                    .init("output p99", "\(Figures.tokens(p99)) tokens"),
                    .init("calls", "\(limited.count) sampled"),
                ],
                exampleTraces: Array(limited.prefix(3).map(\.call.traceId)),
                confidence: Recommendation.confidence(observations: Int64(limited.count), half: 50)
            ))
        }
        return found
    }
}
