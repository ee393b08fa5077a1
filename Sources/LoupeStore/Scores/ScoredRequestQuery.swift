/// Numeric and yes-or-no scores of trace or span targets whose request started in a range, for
/// ``TelemetryStore/scoredRequests(_:)``.
public struct ScoredRequestQuery: Sendable, Hashable {
    /// Most scores read, the newest requests' first: enough for every mean and rank correlation to
    /// settle, and bounded work however many scores a range holds.
    public static let defaultLimit = 10_000

    public var fromNanos: Int64
    public var toNanos: Int64
    public var project: String?
    public var name: String?
    public var limit: Int

    public init(fromNanos: Int64, toNanos: Int64, project: String? = nil, name: String? = nil, limit: Int = ScoredRequestQuery.defaultLimit) {
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.project = project
        self.name = name
        self.limit = limit
    }
}
