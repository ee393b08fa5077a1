/// The documents retrieval steps returned in a range, for ``TelemetryStore/documentUses(_:)``.
public struct DocumentUseQuery: Sendable, Hashable {
    /// Most documents read, the most retrieved first: a knowledge base's worth, bounded.
    public static let defaultLimit = 100_000

    public var fromNanos: Int64
    public var toNanos: Int64
    public var project: String?
    public var limit: Int

    public init(fromNanos: Int64, toNanos: Int64, project: String? = nil, limit: Int = DocumentUseQuery.defaultLimit) {
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.project = project
        self.limit = limit
    }
}
