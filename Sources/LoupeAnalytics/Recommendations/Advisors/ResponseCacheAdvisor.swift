import LoupeCore
import LoupeStore

/// The same prompt sent to the same model again and again: a response cache keyed by the prompt
/// would answer the repeats without a call. Read from the keyed prompt hashes stored at ingest
/// (`loupe.prompt.hash`), never from prompt text.
public struct ResponseCacheAdvisor: RecommendationAdvisor {
    public var minimumRepeats = 10
    public var minimumShare = 0.10

    public init() {}

    public var kinds: [Recommendation.Kind] { [.responseCache] }

    public func recommendations(_ input: RecommendationInput) -> [Recommendation] {
        let hashed = input.sample.calls.filter { $0.attributes["loupe.prompt.hash"] != nil && $0.model != nil && $0.operation == .llm }
        return Dictionary(grouping: hashed, by: \.service).compactMap { service, calls -> Recommendation? in
            // Per model: a cached answer is only reusable for the model that gave it.
            var repeats = 0
            var saving: Double?
            var models: [String] = []
            var top: [SpanRecord] = []
            for (model, calls) in Dictionary(grouping: calls, by: { $0.model ?? "" }) {
                let byPrompt = Dictionary(grouping: calls) { $0.attributes["loupe.prompt.hash"]?.stringValue ?? "" }
                let modelRepeats = calls.count - byPrompt.count
                guard modelRepeats > 0 else { continue }
                repeats += modelRepeats
                models.append(model)
                if let most = byPrompt.values.max(by: { $0.count < $1.count }), most.count > top.count { top = most }
                let usage = input.chatUsage(service: service, model: model)
                if let cost = usage?.usage.knownCostUSD {
                    saving = (saving ?? 0) + input.monthly(cost * Double(modelRepeats) / Double(calls.count))
                }
            }
            let share = Double(repeats) / Double(calls.count)
            guard repeats >= minimumRepeats, share >= minimumShare else { return nil }
            let meanMs = calls.map(\.durationMs).reduce(0, +) / Double(calls.count)
            return Recommendation(
                kind: .responseCache, scope: ["service": service],
                action: "Cache \(service)'s answers by prompt",
                reason: "\(Figures.percent(share)) of its sampled model calls repeat a prompt already sent to the same model, word for "
                    + "word: a cache keyed on model and prompt answers them without a call, where an answer may be reused "
                    + "(deterministic settings, no per-user facts).",
                evidence: [
                    .init("repeated prompts", "\(repeats) of \(calls.count) sampled calls"),
                    .init("models", models.sorted().joined(separator: ", ")),
                    .init("most repeated prompt", "\(top.count) times"),
                ],
                exampleTraces: Array(top.prefix(3).map(\.traceId)),
                monthlySavingUSD: saving, latencyGainMs: meanMs * share,
                confidence: Recommendation.confidence(observations: Int64(repeats), half: 20)
            )
        }
    }
}
