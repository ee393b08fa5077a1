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

    public init(durability: Durability = .full, cacheMiB: Int = 64) {
        self.durability = durability
        self.cacheMiB = cacheMiB
    }

    public static let `default` = SQLiteStoreOptions()
}
