/// Users' and sessions' activity in a range, for ``TelemetryStore/userDays(_:)`` and
/// ``TelemetryStore/sessionShapes(_:)``.
public struct EngagementQuery: Sendable, Hashable {
    public static let nanosPerDay: Int64 = 86_400_000_000_000

    public var fromNanos: Int64
    public var toNanos: Int64
    public var project: String?
    /// ``TelemetryStore/sessionShapes(_:)`` reads the sessions of the range's newest this many
    /// requests: bounded work however busy the range, like the stage breakdown's newest traces.
    public var sessionRequests: Int

    public static let defaultSessionRequests = 50_000

    public init(fromNanos: Int64, toNanos: Int64, project: String? = nil, sessionRequests: Int = EngagementQuery.defaultSessionRequests) {
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.project = project
        self.sessionRequests = sessionRequests
    }

    /// The UTC day (days since 1970-01-01) a time falls on.
    public static func day(ofNanos nanos: Int64) -> Int64 {
        nanos >= 0 ? nanos / nanosPerDay : (nanos - nanosPerDay + 1) / nanosPerDay
    }

    public func matches(_ trace: TraceSummary) -> Bool {
        trace.startNanos >= fromNanos && trace.startNanos < toNanos && (project == nil || trace.project == project)
    }
}
