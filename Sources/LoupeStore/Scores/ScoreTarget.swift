/// What a score is about: a whole request (trace), one span of it, or a session of several.
public enum ScoreTarget: Sendable, Hashable {
    case trace(traceId: String)
    case span(traceId: String, spanId: String)
    case session(sessionId: String)

    public var traceId: String? {
        switch self {
        case .trace(let id), .span(let id, _): id
        case .session: nil
        }
    }

    public var spanId: String? {
        if case .span(_, let id) = self { return id }
        return nil
    }

    public var sessionId: String? {
        if case .session(let id) = self { return id }
        return nil
    }
}
