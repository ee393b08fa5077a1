import LoupeCore
import LoupeStore

/// For each root operation, the stage that dominates its slowest requests (those at or above its
/// p95), and the time it would free.
public struct SlowStageAdvisor: RecommendationAdvisor {
    public var minimumTraces = 20
    /// A stage taking at least this share of the slow requests' time dominates them.
    public var dominatingShare = 0.5

    public init() {}

    public var kinds: [Recommendation.Kind] { [.slowStage] }

    public func recommendations(_ input: RecommendationInput) -> [Recommendation] {
        var byRoot: [[String]: [(id: String, spans: [SpanRecord], breakdown: StageBreakdown)]] = [:]
        for id in input.sample.order {
            guard let spans = input.sample.traces[id], let breakdown = input.sample.breakdowns[id],
                let root = spans.first(where: { $0.parentSpanId == nil })
            else { continue }
            byRoot[[root.service, root.name], default: []].append((id, spans, breakdown))
        }
        return byRoot.compactMap { key, traces -> Recommendation? in
            guard traces.count >= minimumTraces else { return nil }
            let totals = traces.map(\.breakdown.totalMs).sorted()
            guard let p95 = NearestRank.quantile(0.95, ofSorted: totals), p95 > 0 else { return nil }
            let slow = traces.filter { $0.breakdown.totalMs >= p95 }
            let slowMs = slow.map(\.breakdown.totalMs).reduce(0, +)
            var byStage: [OperationKind: Double] = [:]
            for trace in slow { for (kind, ms) in trace.breakdown.byOperation { byStage[kind, default: 0] += ms } }
            guard let (stage, ms) = byStage.max(by: { $0.value < $1.value }), slowMs > 0, ms / slowMs >= dominatingShare else { return nil }
            let share = ms / slowMs
            // The span of that stage that takes the most time in the slow requests names it.
            var bySpan: [String: Double] = [:]
            for trace in slow { for span in trace.spans where span.operation == stage { bySpan[span.name, default: 0] += span.durationMs } }
            let name = bySpan.max { $0.value < $1.value }?.key ?? stage.rawValue
            let meanStageMs = ms / Double(slow.count)
            return Recommendation(
                kind: .slowStage, scope: ["service": key[0], "root": key[1], "stage": stage.rawValue],
                action: "Speed up \(name) in \(key[1]) (\(key[0])): stream it, cap its output, or use a faster model or index",
                reason: "In the slowest 5% of \(key[1]) requests (p95 \(Figures.ms(p95))), the \(stage.rawValue) stage takes "
                    + "\(Figures.percent(share)) of the time; halving it frees \(Figures.percent(share / 2)) of their time.",
                evidence: [
                    .init("p95 request time", Figures.ms(p95)),
                    .init("\(stage.rawValue) share of slow requests", Figures.percent(share)),
                    .init("\(stage.rawValue) time in slow requests", Figures.ms(meanStageMs)),
                    .init("requests", "\(traces.count) sampled, \(slow.count) at or above p95"),
                ],
                exampleTraces: Array(slow.sorted { $0.breakdown.totalMs > $1.breakdown.totalMs }.prefix(3).map(\.id)),
                latencyGainMs: meanStageMs / 2,
                confidence: Recommendation.confidence(observations: Int64(traces.count), half: 50, clarity: min(1, share / 0.7))
            )
        }
    }
}
