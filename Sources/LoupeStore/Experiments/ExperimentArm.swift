import LoupeCore

/// One variant of an experiment as a store adds it up: what the comparison of variants needs,
/// without a row per request.
///
/// A request is a trace; it failed when one of its spans failed; it has negative feedback when a
/// user-feedback score of the trace (or of its session) ``Score/isNegative``. Every numeric or
/// yes-or-no score of the trace or its session counts in ``scores``, on 0…1 where its scale is known
/// (``Score/normalizedValue``).
public struct ExperimentArm: Sendable, Hashable {
    public var variant: String
    public var requests: Int
    /// Distinct users, else sessions, else requests.
    public var units: Int
    public var failed: Int
    public var negativeFeedback: Int
    /// Requests that failed or got negative feedback (a request may do both).
    public var unsuccessful: Int
    /// The duration of the newest ``ExperimentArmQuery/maxLatencies`` requests, in milliseconds, ascending.
    public var latenciesMs: [Double]
    public var cost: SampleMoments
    public var scores: [String: SampleMoments]

    public init(
        variant: String, requests: Int, units: Int, failed: Int, negativeFeedback: Int, unsuccessful: Int, latenciesMs: [Double],
        cost: SampleMoments, scores: [String: SampleMoments]
    ) {
        self.variant = variant
        self.requests = requests
        self.units = units
        self.failed = failed
        self.negativeFeedback = negativeFeedback
        self.unsuccessful = unsuccessful
        self.latenciesMs = latenciesMs
        self.cost = cost
        self.scores = scores
    }
}
