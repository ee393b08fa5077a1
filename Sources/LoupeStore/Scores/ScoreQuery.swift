/// Scores given in a range, matching every filter that is set, newest first.
public struct ScoreQuery: Sendable, Hashable {
    public var fromNanos: Int64
    public var toNanos: Int64
    public var project: String?
    public var name: String?
    public var traceId: String?
    public var sessionId: String?
    public var source: ScoreSource?
    /// Scores given by one end user.
    public var userId: String?
    public var limit: Int

    public init(
        fromNanos: Int64, toNanos: Int64, project: String? = nil, name: String? = nil, traceId: String? = nil,
        sessionId: String? = nil, source: ScoreSource? = nil, userId: String? = nil, limit: Int = 1_000
    ) {
        self.userId = userId
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.project = project
        self.name = name
        self.traceId = traceId
        self.sessionId = sessionId
        self.source = source
        self.limit = limit
    }

    public func matches(_ score: Score) -> Bool {
        score.timestampNanos >= fromNanos && score.timestampNanos < toNanos
            && (project == nil || score.project == project) && (name == nil || score.name == name)
            && (traceId == nil || score.target.traceId == traceId) && (sessionId == nil || score.target.sessionId == sessionId)
            && (source == nil || score.source == source) && (userId == nil || score.userId == userId)
    }
}
