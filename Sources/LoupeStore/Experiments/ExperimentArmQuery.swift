import LoupeCore

/// The requests of a comparison in a range, by arm, for ``TelemetryStore/experimentArms(_:)``:
/// one experiment's variants, or the models, prompt versions or dimension values of a service's
/// requests.
public struct ExperimentArmQuery: Sendable, Hashable {
    /// Latencies kept per variant: enough for percentiles and a rank test of any real difference,
    /// bounded however long the experiment runs.
    public static let maxLatencies = 100_000

    /// How long before the range a score may have been given and still count for its request: a
    /// score follows its request, save for clocks that disagree, so scores stamped earlier are not
    /// read (which bounds the read by the range, not by all history).
    public static let scoreLeadNanos: Int64 = 86_400_000_000_000

    public var grouping: ArmGrouping
    public var fromNanos: Int64
    public var toNanos: Int64
    public var project: String?
    /// Only requests entering this service: comparing models across services compares services.
    public var service: String?
    public var maxLatencies: Int

    public init(
        grouping: ArmGrouping, fromNanos: Int64, toNanos: Int64, project: String? = nil, service: String? = nil,
        maxLatencies: Int = ExperimentArmQuery.maxLatencies
    ) {
        self.grouping = grouping
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.project = project
        self.service = service
        self.maxLatencies = maxLatencies
    }

    /// The arm of a trace that is one of the comparison's requests in the range; nil for any other.
    public func arm(of trace: TraceSummary) -> String? {
        includes(trace) ? grouping.arm(of: trace) : nil
    }

    /// Whether a request is in the range, the project and the service, whatever its arm.
    public func includes(_ trace: TraceSummary) -> Bool {
        trace.startNanos >= fromNanos && trace.startNanos < toNanos && (project == nil || trace.project == project)
            && (service == nil || trace.service == service)
    }
}
