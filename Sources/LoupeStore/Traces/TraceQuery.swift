/// Recent traces that started in a time range, newest first.
public struct TraceQuery: Sendable, Hashable {
    public var fromNanos: Int64
    public var toNanos: Int64
    public var limit: Int
    public var project: String?
    public var service: String?
    public var user: String?
    /// When set, only traces with (true) or without (false) a failed span.
    public var hasErrors: Bool?
    /// When set, only traces whose root span has this name (a root operation such as `POST /answer`).
    public var rootName: String?

    public init(
        fromNanos: Int64, toNanos: Int64, limit: Int = 50, project: String? = nil, service: String? = nil,
        user: String? = nil, hasErrors: Bool? = nil, rootName: String? = nil
    ) {
        self.rootName = rootName
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.limit = limit
        self.project = project
        self.service = service
        self.user = user
        self.hasErrors = hasErrors
    }

    public func matches(_ trace: TraceSummary) -> Bool {
        trace.startNanos >= fromNanos && trace.startNanos < toNanos
            && (project == nil || trace.project == project) && (service == nil || trace.service == service)
            && (user == nil || trace.userId == user) && (hasErrors == nil || (trace.errorCount > 0) == hasErrors)
            && (rootName == nil || trace.rootName == rootName)
    }
}
