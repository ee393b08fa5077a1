import LoupeCore
import LoupeStore

/// One variant's figures.
public struct ExperimentVariantStats: Sendable, Hashable {
    public var variant: String
    public var requests: Int
    /// Distinct users (else sessions, else requests) the variant served.
    public var units: Int
    public var successes: Int
    public var errors: Int
    public var negativeFeedback: Int
    public var latencyMeanMs: Double
    public var latencyP50Ms: Double
    public var latencyP95Ms: Double
    public var latencyP99Ms: Double
    public var costPerRequestUSD: Double
    /// Mean of each score name over the requests that have it, on a 0…1 scale when its range is
    /// known; with how many requests had one.
    public var scores: [String: ScoreMean]

    public struct ScoreMean: Sendable, Hashable {
        public var mean: Double
        public var count: Int
    }

    public var successRate: Double { requests > 0 ? Double(successes) / Double(requests) : 0 }
    public var errorRate: Double { requests > 0 ? Double(errors) / Double(requests) : 0 }

    init(_ arm: ExperimentArm) {
        variant = arm.variant
        requests = arm.requests
        units = arm.units
        successes = arm.requests - arm.unsuccessful
        errors = arm.failed
        negativeFeedback = arm.negativeFeedback
        latencyMeanMs = SampleMoments(arm.latenciesMs).mean
        latencyP50Ms = NearestRank.quantile(0.5, ofSorted: arm.latenciesMs) ?? 0
        latencyP95Ms = NearestRank.quantile(0.95, ofSorted: arm.latenciesMs) ?? 0
        latencyP99Ms = NearestRank.quantile(0.99, ofSorted: arm.latenciesMs) ?? 0
        costPerRequestUSD = arm.cost.mean
        scores = arm.scores.mapValues { ScoreMean(mean: $0.mean, count: $0.count) }
    }
}
