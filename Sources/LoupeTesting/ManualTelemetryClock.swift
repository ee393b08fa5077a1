import Loupe
import Synchronization

/// A clock that moves only when told to, so tests assert exact durations without sleeping.
///
/// ```swift
/// let clock = ManualTelemetryClock()
/// let telemetry = Telemetry.recorded(into: recorder, configuration: .init(clock: clock))
/// telemetry.withSpan("work") { _ in clock.advance(by: .milliseconds(250)) }
/// // the stop event's duration_ns is exactly 250_000_000
/// ```
public final class ManualTelemetryClock: TelemetryClock, Sendable {
    private let current: Mutex<TelemetryInstant>

    /// - Parameter unixNanos: the wall-clock time the clock starts at; 2023-11-14T22:13:20Z by default.
    public init(unixNanos: Int64 = 1_700_000_000_000_000_000) {
        current = Mutex(TelemetryInstant(monotonicNanos: 1_000_000_000, unixNanos: unixNanos))
    }

    public func now() -> TelemetryInstant {
        current.withLock { $0 }
    }

    /// Moves both readings forward by `duration`, which must not be negative: monotonic time
    /// never goes back.
    public func advance(by duration: Duration) {
        precondition(duration >= .zero, "ManualTelemetryClock cannot move backwards; use stepWallClock(byNanos:)")
        let (seconds, attoseconds) = duration.components
        advance(byNanos: UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000))
    }

    /// Moves both readings forward by `nanos` nanoseconds.
    public func advance(byNanos nanos: UInt64) {
        current.withLock {
            $0.monotonicNanos += nanos
            $0.unixNanos += Int64(nanos)
        }
    }

    /// Steps only the wall clock, as NTP does; durations must not notice.
    public func stepWallClock(byNanos nanos: Int64) {
        current.withLock { $0.unixNanos += nanos }
    }
}
