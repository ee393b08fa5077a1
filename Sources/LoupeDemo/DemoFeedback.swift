/// One user's thumbs up or down on a support answer.
public struct DemoFeedback: Sendable, Hashable, Encodable {
    public var traceId: String
    public var user: String
    public var liked: Bool
    public var category: String

    /// The body `POST /api/v1/scores` takes.
    struct Payload: Encodable {
        var trace_id: String
        var project = "acme"
        var name = "user_satisfaction"
        var value: Bool
        var user_id: String
        var source = "user_feedback"
        var comment: String?
    }

    var payload: Payload {
        Payload(trace_id: traceId, value: liked, user_id: user, comment: liked ? nil : "not helpful (\(category))")
    }
}
