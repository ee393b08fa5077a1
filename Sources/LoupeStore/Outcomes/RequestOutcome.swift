/// How one arm's requests of one step ended: what ROI counts as successful, and what they cost.
///
/// A request failed when one of its spans failed, and got negative feedback when a user-feedback
/// score of it or its session ``Score/isNegative``, as for ``ExperimentArm``.
public struct RequestOutcome: Sendable, Hashable {
    public var arm: String
    public var stepNanos: Int64
    public var requests: Int
    public var failed: Int
    public var negativeFeedback: Int
    /// Requests that failed or got negative feedback.
    public var unsuccessful: Int
    /// The requests' priced cost (``TraceSummary/costUSD``: calls without a price add nothing).
    public var costUSD: Double

    public init(arm: String, stepNanos: Int64, requests: Int, failed: Int, negativeFeedback: Int, unsuccessful: Int, costUSD: Double) {
        self.costUSD = costUSD
        self.arm = arm
        self.stepNanos = stepNanos
        self.requests = requests
        self.failed = failed
        self.negativeFeedback = negativeFeedback
        self.unsuccessful = unsuccessful
    }

    public var successful: Int { requests - unsuccessful }
}
