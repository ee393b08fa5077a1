import LoupeAlerts
import LoupeStore
import Prometheus
import Synchronization

/// `GET /metrics`: the GenAI metrics and Loupe's own health, in the Prometheus text format. The
/// health gauges and counters are read from the server's parts when scraped.
public final class ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    public let genAI: GenAIMetrics
    let counters: IngestCounters
    let budget: IngestBudget
    let queue: IngestQueue
    let store: any TelemetryStore
    let alerts: AlertEngine?
    /// The counters' values at the last scrape: Prometheus counters only move forward, by deltas.
    private let exported = Mutex<IngestCounters.Snapshot?>(nil)

    /// `registry`: where the server's parts that count for themselves (authentication) already count.
    public init(
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), counters: IngestCounters, budget: IngestBudget,
        queue: IngestQueue, store: any TelemetryStore, alerts: AlertEngine?
    ) {
        self.registry = registry
        self.genAI = GenAIMetrics(registry: registry)
        self.counters = counters
        self.budget = budget
        self.queue = queue
        self.store = store
        self.alerts = alerts
    }

    /// The exposition, with the health metrics brought up to date first.
    public func render() async -> [UInt8] {
        let now = counters.snapshot
        let before = exported.withLock { previous -> IngestCounters.Snapshot in
            defer { previous = now }
            return previous ?? IngestCounters.Snapshot()
        }
        func count(_ name: String, _ help: String, _ delta: Int, labels: [(String, String)] = []) {
            registry.makeCounter(descriptor: .named(name, help: help), labels: labels).increment(by: Int64(max(delta, 0)))
        }
        count("loupe_ingest_requests_total", "OTLP export requests accepted.", now.requestsAccepted - before.requestsAccepted)
        count("loupe_ingest_spans_total", "Spans accepted by ingest.", now.spansAccepted - before.spansAccepted)
        count("loupe_ingest_rejected_spans_total", "Spans refused in partial_success (impossible timestamps and the like).",
              now.spansRejected - before.spansRejected)
        count("loupe_ingest_data_points_total", "GenAI metric data points stored as rollups.", now.dataPointsStored - before.dataPointsStored)
        count("loupe_ingest_rejected_data_points_total", "GenAI metric data points refused in partial_success.",
              now.dataPointsRejected - before.dataPointsRejected)
        count("loupe_ingest_log_records_total", "Log records kept by ingest.", now.logRecordsAccepted - before.logRecordsAccepted)
        count("loupe_ingest_rejected_log_records_total", "Log records refused in partial_success.",
              now.logRecordsRejected - before.logRecordsRejected)
        for (reason, delta) in [
            ("throttled", now.requestsThrottled - before.requestsThrottled),
            ("unavailable", now.requestsUnavailable - before.requestsUnavailable),
            ("invalid", now.requestsInvalid - before.requestsInvalid),
        ] {
            count("loupe_ingest_refused_requests_total", "Requests refused, by reason.", delta, labels: [("reason", reason)])
        }
        count("loupe_store_commits_total", "Store commits.", now.commits - before.commits)
        count("loupe_store_commit_failures_total", "Store commits that failed.", now.commitFailures - before.commitFailures)
        registry.makeCounter(descriptor: .named("loupe_store_commit_seconds_total", help: "Time spent committing, in seconds."), labels: [])
            .increment(by: max(now.commitSecondsTotal - before.commitSecondsTotal, 0))
        func gauge(_ name: String, _ help: String, _ value: Double, labels: [(String, String)] = []) {
            registry.makeGauge(descriptor: .named(name, help: help), labels: labels).set(value)
        }
        gauge("loupe_store_last_commit_seconds", "Duration of the last store commit, in seconds.", now.lastCommitSeconds ?? 0)
        gauge("loupe_ingest_inflight_bytes", "Bytes held by requests being read, decoded, queued and written.", Double(budget.bytesInFlight))
        gauge("loupe_ingest_queue_spans", "Spans waiting to be written.", Double(queue.depth))
        let health = await store.health()
        gauge("loupe_store_fold_lag_seconds", "Age of the oldest aggregates not yet folded into the rollups.", health.aggregateLagSeconds)
        gauge("loupe_store_pending_aggregate_rows", "Rollup rows waiting to be folded in.", Double(health.pendingAggregateRows))
        if let bytes = health.storedBytes { gauge("loupe_store_database_bytes", "Size of the database on disk.", Double(bytes)) }
        if let alerts {
            let states = await alerts.alerts()
            for status in [AlertState.Status.pending, .firing] {
                for severity in AlertSeverity.allCases {
                    let n = states.filter { $0.status == status && $0.severity == severity }.count
                    gauge("loupe_alerts", "Alerts by state and severity.", Double(n), labels: [("state", status.rawValue), ("severity", severity.rawValue)])
                }
            }
        }
        var bytes: [UInt8] = []
        registry.emit(into: &bytes)
        return bytes
    }
}
