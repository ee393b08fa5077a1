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

    /// How old a score hanging off no stored trace must be to go with this batch: `beforeNanos`,
    /// unless the batch was cut short by `limit`, when it is the newest deleted trace's start, so
    /// that such scores go in time order with the traces (a size ceiling deletes up to now).
    public func orphanScoreHorizon(batchCount: Int, newestStart: Int64?) -> Int64 {
        guard batchCount >= limit, let newestStart else { return beforeNanos }
        return min(beforeNanos, newestStart)
    }
}
