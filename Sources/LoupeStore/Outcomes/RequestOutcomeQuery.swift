/// Requests in a range by arm (``ArmGrouping``) and time step, for ``TelemetryStore/requestOutcomes(_:)``.
public struct RequestOutcomeQuery: Sendable, Hashable {
    public var grouping: ArmGrouping
    public var fromNanos: Int64
    public var toNanos: Int64
    public var project: String?
    /// Steps of this length from ``originNanos``; one step over the whole range when nil.
    public var stepNanos: Int64?
    /// Where steps start (whole UTC days, say): at or before the range's start.
    public var originNanos: Int64
    /// Whether requests without a model, prompt version or dimension value count too, in the arm
    /// named "" (a declared experiment's requests are always only its own).
    public var unlabelled: Bool
    /// Whether only requests with negative feedback count (few, so quickly read): what ROI adds to
    /// the rollups' requests and failures.
    public var negativeFeedbackOnly: Bool

    public init(
        grouping: ArmGrouping, fromNanos: Int64, toNanos: Int64, project: String? = nil, stepNanos: Int64? = nil, originNanos: Int64? = nil,
        unlabelled: Bool = false, negativeFeedbackOnly: Bool = false
    ) {
        self.unlabelled = unlabelled
        self.negativeFeedbackOnly = negativeFeedbackOnly
        self.grouping = grouping
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.project = project
        self.stepNanos = stepNanos.flatMap { $0 > 0 ? $0 : nil }
        self.originNanos = min(originNanos ?? fromNanos, fromNanos)
    }

    /// The start of the step a request of the range starting at `nanos` falls in.
    public func step(of nanos: Int64) -> Int64 {
        guard let stepNanos, stepNanos > 0 else { return originNanos }
        return originNanos + (nanos - originNanos) / stepNanos * stepNanos
    }

    /// The arm of a request of the range; nil for any other.
    public func arm(of trace: TraceSummary) -> String? {
        guard ExperimentArmQuery(grouping: grouping, fromNanos: fromNanos, toNanos: toNanos, project: project).includes(trace) else { return nil }
        if case .experiment = grouping { return grouping.arm(of: trace) }
        return grouping.arm(of: trace) ?? (unlabelled ? "" : nil)
    }
}
