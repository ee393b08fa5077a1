import LoupeCore

/// Traces in a range, newest first, matching every filter that is set.
public struct TraceQuery: Sendable, Hashable {
    public var fromNanos: Int64
    public var toNanos: Int64
    public var limit: Int
    public var project: String?
    public var service: String?
    public var user: String?
    public var session: String?
    /// When set, only traces with (true) or without (false) a failed span.
    public var hasErrors: Bool?
    /// When set, only traces whose root span has this name (a root operation such as `POST /answer`).
    public var rootName: String?
    /// When set, only traces at least this long (first span start to last span end).
    public var minDurationNanos: Int64?
    /// When set, only traces whose counted calls cost at least this much.
    public var minCostUSD: Double?
    /// When set, only traces with a span that requested or answered with this model.
    public var model: String?
    /// Business dimensions: only traces with a span carrying each of these values.
    public var dimensions: [String: String]

    public init(
        fromNanos: Int64, toNanos: Int64, limit: Int = 50, project: String? = nil, service: String? = nil,
        user: String? = nil, session: String? = nil, hasErrors: Bool? = nil, rootName: String? = nil,
        minDurationNanos: Int64? = nil, minCostUSD: Double? = nil, model: String? = nil, dimensions: [String: String] = [:]
    ) {
        self.rootName = rootName
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.limit = limit
        self.project = project
        self.service = service
        self.user = user
        self.session = session
        self.hasErrors = hasErrors
        self.minDurationNanos = minDurationNanos
        self.minCostUSD = minCostUSD
        self.model = model
        self.dimensions = dimensions
    }

    /// Whether the query filters on what only the trace's spans know (its models, business labels).
    public var filtersBySpans: Bool { model != nil || !dimensions.isEmpty }

    /// The filters a trace summary answers; see ``matches(spans:)`` for the others.
    public func matches(_ trace: TraceSummary) -> Bool {
        trace.startNanos >= fromNanos && trace.startNanos < toNanos
            && (project == nil || trace.project == project) && (service == nil || trace.service == service)
            && (user == nil || trace.userId == user) && (session == nil || trace.sessionId == session)
            && (hasErrors == nil || (trace.errorCount > 0) == hasErrors)
            && (rootName == nil || trace.rootName == rootName)
            && (minDurationNanos.map { trace.endNanos - trace.startNanos >= $0 } ?? true)
            && (minCostUSD.map { trace.costUSD >= $0 } ?? true)
    }

    /// The filters only spans answer: some span has the model, and each business value is on some span.
    public func matches(spans: some Sequence<SpanRecord>) -> Bool {
        guard filtersBySpans else { return true }
        var modelSeen = model == nil
        var missing = dimensions
        for span in spans {
            if let model, span.model == model || span.responseModel == model { modelSeen = true }
            for (name, value) in missing where span.dimensions[name] == value { missing[name] = nil }
            if modelSeen && missing.isEmpty { return true }
        }
        return false
    }
}
