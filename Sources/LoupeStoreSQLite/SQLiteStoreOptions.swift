/// How the embedded store trades durability for speed, and how much memory it may cache.
public struct SQLiteStoreOptions: Sendable, Hashable {
    /// What a committed write survives.
    public enum Durability: String, Sendable, Hashable, CaseIterable {
        /// Survives power loss: the WAL is synced on every commit (`synchronous=FULL`).
        case full
        /// Survives a crash of Loupe but not of the machine (`synchronous=NORMAL`).
        case normal
    }

    public var durability: Durability
    /// SQLite page cache per connection, in MiB.
    public var cacheMiB: Int
    /// Rollup rows and trace summaries kept in memory before a write folds them into their tables
    /// (a server also folds them in every second).
    public var maxPendingAggregateRows: Int
    /// Stores spans' large attributes and events deflated (``ContentPacking``): about a third of
    /// their size for prompt and completion content, for about a tenth of ingest throughput on a busy
    /// two-core machine (`loupe bench ingest --content [--no-packing]`).
    public var packContent: Bool

    public init(durability: Durability = .full, cacheMiB: Int = 64, maxPendingAggregateRows: Int = 50_000, packContent: Bool = true) {
        self.durability = durability
        self.cacheMiB = cacheMiB
        self.maxPendingAggregateRows = maxPendingAggregateRows
        self.packContent = packContent
    }

    public static let `default` = SQLiteStoreOptions()
}
