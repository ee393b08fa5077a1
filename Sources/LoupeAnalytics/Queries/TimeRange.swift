/// A half-open time range `[from, to)` in unix nanoseconds.
public struct TimeRange: Sendable, Hashable {
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
    public var fromMinute: Int64 { Self.floorDiv(fromNanos, 60_000_000_000) }
    public var toMinute: Int64 { -Self.floorDiv(-toNanos, 60_000_000_000) }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
