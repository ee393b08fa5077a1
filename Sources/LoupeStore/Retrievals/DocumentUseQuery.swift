/// The documents retrieval steps returned in a range, for ``TelemetryStore/documentUses(_:)``.
public struct DocumentUseQuery: Sendable, Hashable {
    /// Most documents read, the most retrieved first: a knowledge base's worth, bounded.
    public static let defaultLimit = 100_000
    /// Most retrievals of documents read, the newest first: the documents of about 25,000 requests,
    /// enough to rank a knowledge base's documents, and bounded work however long the range.
    public static let defaultNewest = 200_000

    public var fromNanos: Int64
    public var toNanos: Int64
    public var project: String?
    public var limit: Int
    /// Only the newest this many retrievals of a document count.
    public var newest: Int

    public init(
        fromNanos: Int64, toNanos: Int64, project: String? = nil, limit: Int = DocumentUseQuery.defaultLimit,
        newest: Int = DocumentUseQuery.defaultNewest
    ) {
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.project = project
        self.limit = limit
        self.newest = newest
    }
}
