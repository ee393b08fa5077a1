import LoupeCore

/// One experiment's requests in a range, for ``TelemetryStore/experimentArms(_:)``.
public struct ExperimentArmQuery: Sendable, Hashable {
    /// Latencies kept per variant: enough for percentiles and a rank test of any real difference,
    /// bounded however long the experiment runs.
    public static let maxLatencies = 100_000

    public var experiment: String
    public var fromNanos: Int64
    public var toNanos: Int64
    public var project: String?
    public var maxLatencies: Int

    public init(experiment: String, fromNanos: Int64, toNanos: Int64, project: String? = nil, maxLatencies: Int = ExperimentArmQuery.maxLatencies) {
        self.experiment = experiment
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.project = project
        self.maxLatencies = maxLatencies
    }

    /// Whether a trace is one of the experiment's requests in the range.
    public func matches(_ trace: TraceSummary) -> Bool {
        trace.experiment?.experiment == experiment && trace.startNanos >= fromNanos && trace.startNanos < toNanos
            && (project == nil || trace.project == project)
    }
}
