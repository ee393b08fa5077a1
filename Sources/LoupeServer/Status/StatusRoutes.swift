import Hummingbird
import LoupeCore
import LoupeStore

/// `GET /api/v1/status`: ingest counters, the queue and memory budget, and the store's own state.
struct StatusRoutes<Context: RequestContext>: Sendable {
    let counters: IngestCounters
    let queue: IngestQueue
    let budget: IngestBudget
    let store: any TelemetryStore
    let retention: Retention
    let started: ContinuousClock.Instant

    func addRoutes(to router: Router<Context>) {
        router.get("api/v1/status") { _, _ in await status() }
    }

    func status() async -> ServerStatus {
        ServerStatus(
            uptimeSeconds: (ContinuousClock.now - started).seconds,
            ingest: counters.snapshot,
            queue: .init(
                spans: queue.depth, capacitySpans: queue.capacity, bytesInFlight: budget.bytesInFlight,
                maxInFlightBytes: budget.limitBytes),
            store: .init(await store.health()), retention: retention.tally)
    }
}

extension ServerStatus: ResponseEncodable {}
