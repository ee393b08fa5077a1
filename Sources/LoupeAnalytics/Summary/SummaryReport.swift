import LoupeStore

/// The answer to a ``SummaryQuery``: groups by their count in ``unit``, largest first, and the totals.
public struct SummaryReport: Sendable, Hashable {
    public var query: SummaryQuery
    /// Which rollup grain answered.
    public var grain: RollupGrain
    /// The unit that fits the grouping (``CountUnit/fitting(_:)``); every unit is in every group.
    public var unit: CountUnit
    public var groups: [SummaryGroup]
    public var totals: SummaryGroup
}
