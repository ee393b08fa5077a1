/// One session in a range: how many requests it held and how long it lasted (its first request's
/// start to its last request's end).
public struct SessionShape: Sendable, Hashable {
    public var requests: Int
    public var durationMs: Double
    /// Nil for sessions without a user.
    public var userId: String?

    public init(requests: Int, durationMs: Double, userId: String?) {
        self.requests = requests
        self.durationMs = durationMs
        self.userId = userId
    }
}
