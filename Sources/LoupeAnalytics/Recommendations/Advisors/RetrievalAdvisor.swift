import Foundation
import LoupeCore
import LoupeStore

/// Retrieval that fills the prompt with documents of low relevance, or context building that takes
/// a large share of the request: chunk size and top-k to revisit.
public struct RetrievalAdvisor: RecommendationAdvisor {
    /// Documents scoring below this are counted as low (cosine similarity and most rerankers' 0–1 scale).
    public var lowScore = 0.5
    public var minimumLowShare = 0.4
    /// Retrieval, embedding and context-building stages taking this share of the request's time dominate.
    public var dominatingShare = 0.4
    public var minimumRetrievals = 20

    public init() {}

    public var kinds: [Recommendation.Kind] { [.retrieval] }

    public func recommendations(_ input: RecommendationInput) -> [Recommendation] {
        var found: [Recommendation] = []
        for (service, retrievals) in Dictionary(grouping: input.sample.retrievals, by: \.service) where retrievals.count >= minimumRetrievals {
            let scored = retrievals.filter { !$0.retrievalScores.isEmpty }
            let scores = scored.flatMap(\.retrievalScores)
            let low = scores.filter { $0 < lowScore }.count
            let lowShare = scores.isEmpty ? 0 : Double(low) / Double(scores.count)
            let traces = Set(retrievals.map(\.traceId))
            let calls = input.sample.calls.filter { traces.contains($0.traceId) && $0.operation == .llm }
            if scored.count >= minimumRetrievals, lowShare >= minimumLowShare {
                // Low documents' share of the prompt tokens, at most: the prompt also holds instructions and the question.
                let inputCost = calls.compactMap { call -> Double? in
                    guard let cost = call.costUSD else { return nil }
                    guard let price = input.price(call.provider, call.model ?? ""), let tokens = call.usage.input else { return 0 }
                    return min(cost, Double(tokens) * price.inputPerMillion / 1_000_000)
                }.reduce(0, +)
                let share = Double(calls.count) / Double(max(1, input.sampledCalls { $0.service == service && $0.operation == .llm }))
                let rangeCost = input.models.filter { $0.service == service && $0.operation == OperationKind.llm.rawValue }
                    .compactMap { $0.usage.knownCostUSD }.reduce(0, +)
                let sampleCost = calls.compactMap(\.costUSD).reduce(0, +)
                let saving = sampleCost > 0 ? input.monthly(rangeCost * share * inputCost / sampleCost * lowShare) : nil
                let topK = retrievals.compactMap { $0.attributes["gen_ai.request.top_k"]?.intValue }.max()
                found.append(Recommendation(
                    kind: .retrieval, scope: ["service": service],
                    action: "Retrieve fewer, better documents in \(service): lower top-k\(topK.map { " (now \($0))" } ?? "") or re-chunk so chunks match questions",
                    reason: "\(Figures.percent(lowShare)) of retrieved documents score below \(lowScore): they fill the prompt, and its bill, "
                        + "with text that barely relates to the question.",
                    evidence: [
                        .init("documents below \(lowScore)", "\(low) of \(scores.count)"),
                        .init("median score", String(format: "%.2f", scores.sorted()[scores.count / 2])),
                        .init("retrievals", "\(scored.count) sampled"),
                        .init("saving", "at most: assumes the documents are most of the prompt"),
                    ],
                    exampleTraces: Array(scored.filter { $0.retrievalScores.contains { $0 < lowScore } }.prefix(3).map(\.traceId)),
                    monthlySavingUSD: saving,
                    confidence: Recommendation.confidence(observations: Int64(scored.count), half: 30, clarity: 0.7)
                ))
            }
            // Time spent getting the context, against the whole request.
            let breakdowns = traces.compactMap { input.sample.breakdowns[$0] }.filter { $0.totalMs > 0 }
            let context: Set<OperationKind> = [.retrieval, .embedding, .rerank, .stage]
            let contextMs = breakdowns.map { b in context.map { b.byOperation[$0] ?? 0 }.reduce(0, +) }
            let totalMs = breakdowns.map(\.totalMs).reduce(0, +)
            guard breakdowns.count >= minimumRetrievals, totalMs > 0 else { continue }
            let contextShare = contextMs.reduce(0, +) / totalMs
            guard contextShare >= dominatingShare else { continue }
            found.append(Recommendation(
                kind: .retrieval, scope: ["service": service, "stage": "context building"],
                action: "Speed up context building in \(service): smaller top-k, a cached query embedding, or an index tuned for recall at lower k",
                reason: "Retrieval, embedding and assembling context take \(Figures.percent(contextShare)) of its requests' time.",
                evidence: [
                    .init("context share of request time", Figures.percent(contextShare)),
                    .init("mean context time", Figures.ms(contextMs.reduce(0, +) / Double(breakdowns.count))),
                    .init("requests", "\(breakdowns.count) sampled"),
                ],
                exampleTraces: Array(retrievals.prefix(3).map(\.traceId)),
                latencyGainMs: contextMs.reduce(0, +) / Double(breakdowns.count) / 2,
                confidence: Recommendation.confidence(observations: Int64(breakdowns.count), half: 30)
            ))
        }
        return found
    }
}
