import Logging
import LoupeAlerts
import ServiceLifecycle

/// Evaluates the alert rules every interval on an injected clock, until the server shuts down.
public struct AlertService<C: Clock>: Service where C.Duration == Duration {
    let engine: AlertEngine
    let interval: Duration
    let clock: C
    let now: @Sendable () -> Int64
    let logger: Logger
    /// Which server runs each round, when several write one store.
    let lease: ServiceLease?

    public init(engine: AlertEngine, interval: Duration, clock: C, now: @escaping @Sendable () -> Int64, logger: Logger, lease: ServiceLease? = nil) {
        self.lease = lease
        self.engine = engine
        self.interval = interval
        self.clock = clock
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        await clock.periodically(every: interval) {
            if let lease, await !lease.isHeld(nowNanos: now(), logger: logger) { return }
            let report = await engine.tick(atNanos: now())
            if !report.transitions.isEmpty {
                logger.debug("alerts evaluated", metadata: ["rules": "\(report.evaluated)", "transitions": "\(report.transitions.count)"])
            }
        }
    }
}
