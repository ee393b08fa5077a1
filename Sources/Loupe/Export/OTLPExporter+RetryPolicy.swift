extension OTLPExporter {
    /// How a failed export is retried: only on 429, 502, 503, 504 and network errors, as OTLP
    /// prescribes, waiting what the collector's `Retry-After` says or else an exponentially
    /// growing, jittered backoff.
    ///
    /// With the defaults an unreachable collector is tried five times over about 15 seconds,
    /// then the batch is dropped and counted: the queue keeps filling meanwhile, so waiting
    /// longer only moves the loss elsewhere.
    public struct RetryPolicy: Sendable, Hashable {
        /// Attempts per batch, the first included; 1 never retries.
        public var maxAttempts: Int
        /// The wait before the first retry.
        public var initialBackoff: Duration
        /// The longest computed wait.
        public var maxBackoff: Duration
        /// The growth of the wait per retry.
        public var multiplier: Double
        /// The fraction of the wait that is randomised (0…1): the wait is uniform in
        /// `backoff × (1 ± jitter)`, so exporters restarted together do not retry in lockstep.
        public var jitter: Double
        /// The longest `Retry-After` honoured; a collector asking for more is retried after this.
        public var maxRetryAfter: Duration

        /// A policy; out-of-range values are clamped (at least one attempt, jitter within 0…1).
        public init(
            maxAttempts: Int = 5, initialBackoff: Duration = .seconds(1), maxBackoff: Duration = .seconds(30),
            multiplier: Double = 2, jitter: Double = 0.2, maxRetryAfter: Duration = .seconds(60)
        ) {
            self.maxAttempts = max(1, maxAttempts)
            self.initialBackoff = initialBackoff
            self.maxBackoff = maxBackoff
            self.multiplier = max(1, multiplier)
            self.jitter = min(max(jitter, 0), 1)
            self.maxRetryAfter = maxRetryAfter
        }

        /// Five attempts, 1 s doubling to at most 30 s, ±20 % jitter, `Retry-After` up to 60 s.
        public static let `default` = RetryPolicy()

        /// One attempt per batch.
        public static let never = RetryPolicy(maxAttempts: 1)

        /// The wait before retry number `retry` (1 for the first) when the collector gave no
        /// `Retry-After`.
        public func backoff(beforeRetry retry: Int, using generator: inout some RandomNumberGenerator) -> Duration {
            let growth = power(multiplier, max(0, retry - 1))
            let base = min(initialBackoff.doubleNanoseconds * growth, maxBackoff.doubleNanoseconds)
            guard jitter > 0 else { return .fromNanoseconds(base) }
            // 53 random bits as a fraction in [0, 1): one draw, no rejection loop.
            let unit = Double(generator.next() >> 11) * 0x1p-53
            let factor = 1 - jitter + 2 * jitter * unit
            return .fromNanoseconds(min(base * factor, maxBackoff.doubleNanoseconds))
        }

        /// The wait the collector asked for, capped at ``maxRetryAfter``.
        func honouring(retryAfter: Duration) -> Duration {
            min(max(retryAfter, .zero), maxRetryAfter)
        }
    }
}

/// `base` raised to a whole `exponent`, without Foundation's `pow`.
private func power(_ base: Double, _ exponent: Int) -> Double {
    var result = 1.0
    var remaining = exponent
    while remaining > 0 {
        result *= base
        remaining -= 1
        // Past the largest useful backoff the product only matters as "huge".
        if result > 1e12 { return result }
    }
    return result
}
