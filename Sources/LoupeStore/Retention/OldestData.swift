/// When the oldest of what a store holds begins: what retention's size ceiling deletes first.
public struct OldestData: Sendable, Hashable {
    /// The start of the oldest stored trace (unix nanoseconds); nil when none is stored.
    public var traceStartNanos: Int64?
    /// The start of the oldest rollup period of any tier (unix nanoseconds); nil when none is stored.
    public var rollupStartNanos: Int64?

    public init(traceStartNanos: Int64? = nil, rollupStartNanos: Int64? = nil) {
        self.traceStartNanos = traceStartNanos
        self.rollupStartNanos = rollupStartNanos
    }

    /// Whether rollups hold something older than every trace, so they go before the next traces.
    public var rollupsAreOlder: Bool {
        guard let rollups = rollupStartNanos else { return false }
        return traceStartNanos.map { rollups < $0 } ?? true
    }
}
