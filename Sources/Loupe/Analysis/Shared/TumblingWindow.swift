/// Back-to-back windows of a fixed length, moved along by the time the caller reads from its
/// injected clock rather than by a timer, so tests drive them with a manual clock.
///
/// Boundaries are measured on the monotonic clock (a wall-clock step never stretches or shrinks a
/// window); the wall-clock bounds reported are derived from the window's start.
struct TumblingWindow: Sendable {
    let lengthNanos: UInt64
    private(set) var start: TelemetryInstant

    init(length: Duration, start: TelemetryInstant) {
        lengthNanos = max(length.nanoseconds, 1)
        self.start = start
    }

    /// When `now` is at or past the current window's end, closes it and moves to the window that
    /// contains `now` (windows in between saw nothing, so they are skipped); returns the closed
    /// window's bounds.
    mutating func roll(to now: TelemetryInstant) -> AnalysisWindow? {
        let elapsed = now.nanosSince(start)
        guard elapsed >= lengthNanos else { return nil }
        let closed = AnalysisWindow(
            startUnixNanos: start.unixNanos, endUnixNanos: start.unixNanos &+ Int64(clamping: lengthNanos))
        let skipped = elapsed - elapsed % lengthNanos
        start = TelemetryInstant(
            monotonicNanos: start.monotonicNanos &+ skipped, unixNanos: start.unixNanos &+ Int64(clamping: skipped))
        return closed
    }

    /// Closes the current window early at `now` and starts the next one there.
    mutating func cut(at now: TelemetryInstant) -> AnalysisWindow {
        let closed = AnalysisWindow(
            startUnixNanos: start.unixNanos, endUnixNanos: start.unixNanos &+ Int64(clamping: now.nanosSince(start)),
            isPartial: true)
        start = TelemetryInstant(
            monotonicNanos: max(now.monotonicNanos, start.monotonicNanos), unixNanos: closed.endUnixNanos)
        return closed
    }
}
