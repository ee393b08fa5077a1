import LoupeCore

/// A half-open time range `[from, to)` in unix nanoseconds.
public struct TimeRange: Sendable, Hashable {
    /// The step of reports over a range of days (quality, retrieval, ROI, complexity): an hour up to
    /// two days, a UTC day beyond.
    public var reportStepSeconds: Int64 { toNanos - fromNanos > 2 * 86_400_000_000_000 ? 86_400 : 3_600 }

    public var fromNanos: Int64
    public var toNanos: Int64

    public init(fromNanos: Int64, toNanos: Int64) {
        self.fromNanos = fromNanos
        self.toNanos = toNanos
    }

    /// The last `seconds` before `now`.
    public static func last(seconds: Int64, now nowNanos: Int64) -> TimeRange {
        TimeRange(fromNanos: nowNanos - seconds * 1_000_000_000, toNanos: nowNanos)
    }

    /// Rollups are per minute: the range widened to whole minutes.
    public var fromMinute: Int64 { UnixMinute.containing(nanos: fromNanos) }
    public var toMinute: Int64 { -UnixMinute.containing(nanos: -toNanos) }
}
