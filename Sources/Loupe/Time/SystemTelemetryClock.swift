#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating system's monotonic and real-time clocks.
public struct SystemTelemetryClock: TelemetryClock {
    public init() {}

    public func now() -> TelemetryInstant {
        TelemetryInstant(
            monotonicNanos: UInt64(clamping: SystemTelemetryClock.read(CLOCK_MONOTONIC)),
            unixNanos: SystemTelemetryClock.read(CLOCK_REALTIME))
    }

    private static func read(_ clock: clockid_t) -> Int64 {
        var time = timespec()
        clock_gettime(clock, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
