/// Requests whose retrieval ran in a range, for ``TelemetryStore/retrievedRequests(_:)``.
public struct RetrievalQuery: Sendable, Hashable {
    /// Most requests read, the newest first: enough for every share and mean to settle (a share's
    /// 95% interval is within ±1 point), and a read of about 90 ms over a week of a million spans.
    public static let defaultLimit = 10_000

    public var fromNanos: Int64
    public var toNanos: Int64
    public var project: String?
    public var limit: Int

    public init(fromNanos: Int64, toNanos: Int64, project: String? = nil, limit: Int = RetrievalQuery.defaultLimit) {
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.project = project
        self.limit = limit
    }
}
