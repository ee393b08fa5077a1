import Logging
import LoupeStore
import ServiceLifecycle

/// Runs the store's periodic upkeep at a fixed interval, as a lifecycle service: its in-memory
/// aggregates become durable, so other processes reading the database (`loupe report`, a second
/// server's API) lag ingest by at most that interval, and the SQLite store checkpoints its log off
/// the writer's path. The batch writer flushes the last aggregates when the server stops.
public struct StoreMaintenance<C: Clock>: Service where C.Duration == Duration {
    let store: any TelemetryStore
    let interval: Duration
    let clock: C
    let logger: Logger

    public init(store: any TelemetryStore, interval: Duration = .seconds(1), clock: C, logger: Logger) {
        self.store = store
        self.interval = interval
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        await clock.periodically(every: interval) { await store.maintain(logger: logger) }
    }
}

extension StoreMaintenance where C == ContinuousClock {
    public init(store: any TelemetryStore, interval: Duration = .seconds(1), logger: Logger) {
        self.init(store: store, interval: interval, clock: ContinuousClock(), logger: logger)
    }
}
