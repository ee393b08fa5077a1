/// What recomputing stored costs changed.
public struct RepriceOutcome: Sendable, Hashable {
    /// Counted model calls looked at.
    public var examined: Int
    /// Calls whose cost changed (including becoming priced or unpriced).
    public var changed: Int
    public var costBeforeUSD: Double
    public var costAfterUSD: Double
    /// Calls still without a price afterwards.
    public var unpriced: Int

    public init(examined: Int = 0, changed: Int = 0, costBeforeUSD: Double = 0, costAfterUSD: Double = 0, unpriced: Int = 0) {
        self.examined = examined
        self.changed = changed
        self.costBeforeUSD = costBeforeUSD
        self.costAfterUSD = costAfterUSD
        self.unpriced = unpriced
    }
}
