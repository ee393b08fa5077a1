/// Rollup rows of one grain over a range of minutes, matching every filter.
public struct RollupQuery: Sendable, Hashable {
    public var grain: RollupGrain
    /// Inclusive, in unix minutes.
    public var fromMinute: Int64
    /// Exclusive, in unix minutes.
    public var toMinute: Int64
    public var filters: [TelemetryDimension: String]
    /// When set, a store may merge rows over time and over the dimensions the reader does not need.
    public var merge: RollupMerge?

    public init(
        grain: RollupGrain, fromMinute: Int64, toMinute: Int64, filters: [TelemetryDimension: String] = [:],
        merge: RollupMerge? = nil
    ) {
        self.grain = grain
        self.fromMinute = fromMinute
        self.toMinute = toMinute
        self.filters = filters
        self.merge = merge
    }

    public func matches(_ key: RollupKey) -> Bool {
        key.grain == grain && key.minute >= fromMinute && key.minute < toMinute
            && filters.allSatisfy { key.value(of: $0.key) == $0.value }
    }
}
