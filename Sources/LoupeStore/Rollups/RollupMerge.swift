/// How a store may merge rollup rows before returning them, when the reader needs less than every
/// minute and every dimension: a one-hour summary by user then reads a few hundred rows, not
/// tens of thousands.
///
/// Merging is an optimisation a store may skip: a reader must give the same answer from merged and
/// unmerged rows (it adds up the rows of each step and of each kept dimension value).
public struct RollupMerge: Sendable, Hashable {
    /// Rows are merged into steps this many minutes long counted from `originMinute`, each returned
    /// at its step's first minute; nil merges the whole range into one row per key, returned at the
    /// query's `fromMinute`.
    public var stepMinutes: Int64?
    /// Where steps are counted from: the reader's first bucket.
    public var originMinute: Int64
    /// Dimensions kept apart; rows that differ only in other dimensions are merged, and those come
    /// back empty. The span role is always kept, as units depend on it.
    public var keeping: Set<TelemetryDimension>
    /// False when the reader needs no percentiles: latency histograms may then come back empty,
    /// and merging skips the costliest part of the work.
    public var latency: Bool

    public init(stepMinutes: Int64? = nil, originMinute: Int64 = 0, keeping: Set<TelemetryDimension>, latency: Bool = true) {
        self.latency = latency
        self.stepMinutes = stepMinutes
        self.originMinute = originMinute
        self.keeping = keeping
    }

    /// The minute a merged row of `minute` is returned at. Steps count toward zero from the origin,
    /// as a reader computing `(minute - origin) / step` does.
    public func mergedMinute(_ minute: Int64, fromMinute: Int64) -> Int64 {
        guard let step = stepMinutes, step > 0 else { return fromMinute }
        return originMinute + (minute - originMinute) / step * step
    }
}
