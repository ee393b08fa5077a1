import LoupeStore

/// The answer to a ``SummaryQuery``: groups by request count, largest first, and the totals.
public struct SummaryReport: Sendable, Hashable {
    public var query: SummaryQuery
    /// Which rollup grain answered.
    public var grain: RollupGrain
    public var groups: [SummaryGroup]
    public var totals: SummaryGroup
}
