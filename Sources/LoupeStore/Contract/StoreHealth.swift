/// What a store can say about its own state, for the server's status endpoint.
public struct StoreHealth: Sendable, Equatable {
    /// Aggregate rows (rollups and trace summaries) computed from committed spans but not yet folded
    /// into the shared tables: 0 for stores that aggregate as they write.
    public var pendingAggregateRows: Int
    /// How long the oldest unfolded aggregate has waited, in seconds: how far other readers of the
    /// store lag behind ingest.
    public var aggregateLagSeconds: Double
    /// Bytes the store occupies, where it knows.
    public var storedBytes: Int64?
    /// Bytes the stored data takes, without space freed but not yet given back, where the store
    /// knows: what retention's size ceiling is held to, since deleting lowers it at once. A store
    /// that cannot say (the in-memory one) is held to no ceiling.
    public var dataBytes: Int64?

    public init(pendingAggregateRows: Int = 0, aggregateLagSeconds: Double = 0, storedBytes: Int64? = nil, dataBytes: Int64? = nil) {
        self.pendingAggregateRows = pendingAggregateRows
        self.aggregateLagSeconds = aggregateLagSeconds
        self.storedBytes = storedBytes
        self.dataBytes = dataBytes
    }
}
