import Logging
import LoupeStore
import ServiceLifecycle

/// Runs a retention pass every `interval` on the injected clock, while the policy keeps anything
/// from forever.
public struct RetentionService<C: Clock>: Service where C.Duration == Duration {
    let retention: Retention
    let interval: Duration
    let clock: C
    let now: @Sendable () -> Int64
    let logger: Logger
    /// Which server runs each round, when several write one store.
    let lease: ServiceLease?

    public init(retention: Retention, interval: Duration, clock: C, now: @escaping @Sendable () -> Int64, logger: Logger, lease: ServiceLease? = nil) {
        self.lease = lease
        self.retention = retention
        self.interval = interval
        self.clock = clock
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        await clock.periodically(every: interval) {
            if let lease, await !lease.isHeld(nowNanos: now(), logger: logger) { return }
            guard retention.policy.isEnabled else { return }
            do {
                let report = try await retention.pass(nowNanos: now())
                let deleted = report.deleted
                if deleted.total > 0 {
                    logger.info("retention deleted expired data", metadata: [
                        "traces": "\(deleted.traces)", "spans": "\(deleted.spans)", "scores": "\(deleted.scores)",
                        "rollup_rows": "\(deleted.rollupRows)", "batches": "\(report.batches)",
                        "longest_batch_ms": "\((report.longestBatchSeconds * 1_000).rounded())", "reclaimed_bytes": "\(report.reclaimedBytes)",
                    ])
                }
                if report.overCeiling {
                    logger.warning("the stored data is still over retention's max_database_mib with nothing older left to delete: raise the ceiling")
                }
            } catch {
                // The next pass tries again; nothing is half deleted, each batch being a transaction.
                logger.error("retention pass failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
