/// Rollup rows of one grain over a range of minutes, matching every filter.
public struct RollupQuery: Sendable, Hashable {
    public var grain: RollupGrain
    /// Inclusive, in unix minutes.
    public var fromMinute: Int64
    /// Exclusive, in unix minutes.
    public var toMinute: Int64
    public var filters: [TelemetryDimension: String]
    /// When true, a store may return one row per key for the whole range (its minute set to
    /// `fromMinute`) instead of one per minute: summaries need no minutes, and far fewer rows come back.
    public var collapseMinutes: Bool

    public init(
        grain: RollupGrain, fromMinute: Int64, toMinute: Int64, filters: [TelemetryDimension: String] = [:],
        collapseMinutes: Bool = false
    ) {
        self.grain = grain
        self.fromMinute = fromMinute
        self.toMinute = toMinute
        self.filters = filters
        self.collapseMinutes = collapseMinutes
    }

    public func matches(_ key: RollupKey) -> Bool {
        key.grain == grain && key.minute >= fromMinute && key.minute < toMinute
            && filters.allSatisfy { key.value(of: $0.key) == $0.value }
    }
}
