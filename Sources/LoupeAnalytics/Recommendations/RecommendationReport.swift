import Foundation

/// The answer to a ``RecommendationQuery``: the recommendations, largest saving first, and what
/// they were computed from.
public struct RecommendationReport: Sendable, Hashable {
    public var query: RecommendationQuery
    /// Seconds of the range that hold data: savings are scaled from them to 30 days.
    public var observedSeconds: Int64
    public var sampledTraces: Int
    public var recommendations: [Recommendation]

    public init(query: RecommendationQuery, observedSeconds: Int64, sampledTraces: Int, recommendations: [Recommendation]) {
        self.query = query
        self.observedSeconds = observedSeconds
        self.sampledTraces = sampledTraces
        // Money first, then time, then the rest by confidence: the list reads as a to-do list.
        self.recommendations = recommendations.sorted {
            ($0.monthlySavingUSD ?? -1, $0.latencyGainMs ?? -1, $0.confidence, $1.action)
                > ($1.monthlySavingUSD ?? -1, $1.latencyGainMs ?? -1, $1.confidence, $0.action)
        }
    }

    /// How much data the savings were scaled from, as a person says it: "31 min", "5.5 h", "6.9 days".
    public var observedText: String {
        let s = Double(observedSeconds)
        if observedSeconds < 120 { return "\(observedSeconds) s" }
        if observedSeconds < 3_600 { return "\(Int((s / 60).rounded())) min" }
        if observedSeconds < 86_400 { return String(format: "%.1f h", s / 3_600) }
        return String(format: "%.1f days", s / 86_400)
    }

    /// The estimated monthly saving of all recommendations that name one.
    public var totalMonthlySavingUSD: Double { recommendations.compactMap(\.monthlySavingUSD).reduce(0, +) }
}
