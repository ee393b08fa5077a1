/// One batch of retention: what is older than `beforeNanos` in `projects`, at most `limit` of it.
public struct ExpiryRequest: Sendable, Hashable {
    public var projects: ProjectSelection
    public var beforeNanos: Int64
    /// Most traces (or rollup rows) deleted in one call, so no call holds the writer for long.
    public var limit: Int

    public init(projects: ProjectSelection, beforeNanos: Int64, limit: Int = 2_000) {
        self.projects = projects
        self.beforeNanos = beforeNanos
        self.limit = limit
    }
}
