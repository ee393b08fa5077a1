/// When the oldest of what a store holds begins: what retention's size ceiling deletes first.
public struct OldestData: Sendable, Hashable {
    /// The start of the oldest stored trace (unix nanoseconds); nil when none is stored.
    public var traceStartNanos: Int64?
    /// The start of the oldest rollup period of any tier (unix nanoseconds); nil when none is stored.
    public var rollupStartNanos: Int64?
    /// The store's longest rollup period (a day where rollups are also kept by day): every period
    /// of every tier lies within one such period, counted from the epoch.
    public var rollupPeriodNanos: Int64

    public init(traceStartNanos: Int64? = nil, rollupStartNanos: Int64? = nil, rollupPeriodNanos: Int64 = 60_000_000_000) {
        self.traceStartNanos = traceStartNanos
        self.rollupStartNanos = rollupStartNanos
        self.rollupPeriodNanos = rollupPeriodNanos
    }

    /// How far rollups may be deleted without taking a period that covers a stored trace (or
    /// this very moment): the start of the longest period that holds the oldest trace, or now.
    public func rollupCutoff(nowNanos: Int64) -> Int64 {
        let edge = max(0, min(nowNanos, traceStartNanos ?? nowNanos))
        return edge - edge % max(1, rollupPeriodNanos)
    }

    /// Whether rollups hold periods wholly older than every trace, to go before the next traces.
    public func rollupsAreOlder(nowNanos: Int64) -> Bool {
        rollupStartNanos.map { $0 < rollupCutoff(nowNanos: nowNanos) } ?? false
    }
}
