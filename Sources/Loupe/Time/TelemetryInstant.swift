/// One reading of a ``TelemetryClock``: a monotonic time for durations and a wall-clock time for
/// timestamps, taken together.
public struct TelemetryInstant: Sendable, Hashable {
    /// Nanoseconds on a clock that never goes backwards; only differences mean anything.
    public var monotonicNanos: UInt64
    /// Nanoseconds since 1970-01-01 UTC.
    public var unixNanos: Int64

    public init(monotonicNanos: UInt64, unixNanos: Int64) {
        self.monotonicNanos = monotonicNanos
        self.unixNanos = unixNanos
    }

    /// Nanoseconds from `earlier` to this instant on the monotonic clock, never negative.
    public func nanosSince(_ earlier: TelemetryInstant) -> UInt64 {
        monotonicNanos >= earlier.monotonicNanos ? monotonicNanos - earlier.monotonicNanos : 0
    }
}
