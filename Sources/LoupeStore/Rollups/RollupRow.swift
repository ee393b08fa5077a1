/// One stored rollup row.
public struct RollupRow: Sendable, Hashable {
    public var key: RollupKey
    public var measures: RollupMeasures

    public init(key: RollupKey, measures: RollupMeasures) {
        self.key = key
        self.measures = measures
    }
}
