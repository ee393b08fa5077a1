import LoupeCore
import LoupeStore

/// An operation of a service served by several models, where a cheaper one does as well: calls
/// moved from the expensive model to it would cost its price per call instead.
///
/// "As well" is judged on what is stored: error rate within 2 points, p95 latency within 25%.
/// Quality scores are not stored yet; the recommendation says so, and its confidence is capped.
public struct ModelSelectionAdvisor: RecommendationAdvisor {
    public var minimumCalls: Int64 = 30
    /// The cheaper model must cost at most this share of the expensive one per call.
    public var maximumPriceRatio = 0.6
    public var errorRateTolerance = 0.02
    public var latencyTolerance = 1.25

    public init() {}

    public var kinds: [Recommendation.Kind] { [.modelSelection] }

    public func recommendations(_ input: RecommendationInput) -> [Recommendation] {
        var found: [Recommendation] = []
        let byOperation = Dictionary(grouping: input.models.filter { $0.calls.count >= minimumCalls }) { [$0.service, $0.operation] }
        for (_, models) in byOperation where models.count > 1 {
            for expensive in models {
                guard let cost = expensive.costPerCall, cost > 0 else { continue }
                // The cheapest alternative that holds up on errors and latency.
                let candidates = models.filter { other in
                    guard other.model != expensive.model, let otherCost = other.costPerCall, otherCost <= cost * maximumPriceRatio else { return false }
                    guard other.errorRate <= expensive.errorRate + errorRateTolerance else { return false }
                    guard let p95 = other.p95Ms, let reference = expensive.p95Ms else { return false }
                    return p95 <= reference * latencyTolerance
                }
                guard let cheaper = candidates.min(by: { ($0.costPerCall ?? 0) < ($1.costPerCall ?? 0) }), let cheaperCost = cheaper.costPerCall
                else { continue }
                let saving = input.monthly((cost - cheaperCost) * Double(expensive.calls.count))
                let calls = min(expensive.calls.count, cheaper.calls.count)
                found.append(Recommendation(
                    kind: .modelSelection, scope: expensive.scope,
                    action: "Move \(expensive.service)'s \(expensive.operation) calls from \(expensive.model) to \(cheaper.model)",
                    reason: "\(cheaper.model) already serves the same operation at \(Figures.percent(cheaperCost / cost)) of the cost per call, "
                        + "with a similar error rate and p95 latency. No quality scores are stored for these calls: compare answers on a "
                        + "share of traffic first.",
                    evidence: [
                        .init("cost per call", "\(Figures.usd(cost)) vs \(Figures.usd(cheaperCost))"),
                        .init("error rate", "\(Figures.percent(expensive.errorRate)) vs \(Figures.percent(cheaper.errorRate))"),
                        .init("p95 latency", "\(Figures.ms(expensive.p95Ms ?? 0)) vs \(Figures.ms(cheaper.p95Ms ?? 0))"),
                        .init("calls", "\(Figures.count(expensive.calls.count)) vs \(Figures.count(cheaper.calls.count))"),
                        .init("quality", "no scores stored"),
                    ],
                    exampleTraces: Self.examples(input, expensive),
                    monthlySavingUSD: saving,
                    // Without quality scores a model swap is never a sure thing.
                    confidence: Recommendation.confidence(observations: calls, half: 100, clarity: 0.8)
                ))
            }
        }
        return found
    }

    static func examples(_ input: RecommendationInput, _ usage: ModelUsage, where matches: (SpanRecord) -> Bool = { _ in true }) -> [String] {
        var seen: [String] = []
        for call in input.sample.calls where call.service == usage.service && call.model == usage.model && matches(call) {
            if !seen.contains(call.traceId) { seen.append(call.traceId) }
            if seen.count == 3 { break }
        }
        return seen
    }
}
