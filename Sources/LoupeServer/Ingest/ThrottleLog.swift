import Logging
import Synchronization

/// Logs refused requests (429 and 503) as one warning per interval, with the counts since the last
/// one: under overload a line per refusal would itself be the overload.
final class ThrottleLog: Sendable {
    private struct State {
        var throttled = 0
        var unavailable = 0
        var lastLogged: ContinuousClock.Instant?
    }

    private let logger: Logger
    private let interval: Duration
    private let state = Mutex(State())

    init(logger: Logger, interval: Duration = .seconds(10)) {
        self.logger = logger
        self.interval = interval
    }

    /// Counts one refusal, and logs the tally when the interval has passed since the last warning.
    func note(status: Int, queuedSpans: Int, bytesInFlight: Int, retryAfter: Int) {
        let now = ContinuousClock.now
        let tally: (throttled: Int, unavailable: Int)? = state.withLock { s in
            if status == 429 { s.throttled += 1 } else { s.unavailable += 1 }
            if let last = s.lastLogged, now - last < interval { return nil }
            defer { (s.throttled, s.unavailable, s.lastLogged) = (0, 0, now) }
            return (s.throttled, s.unavailable)
        }
        guard let tally else { return }
        logger.warning(
            "ingest is refusing requests",
            metadata: [
                "throttled_429": "\(tally.throttled)", "unavailable_503": "\(tally.unavailable)",
                "queued_spans": "\(queuedSpans)", "bytes_in_flight": "\(bytesInFlight)", "retry_after_s": "\(retryAfter)",
            ])
    }
}
