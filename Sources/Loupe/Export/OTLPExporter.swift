import AsyncHTTPClient
import Logging
import ServiceLifecycle
import Synchronization

/// Exports Loupe's sampled spans to any OpenTelemetry collector over OTLP/HTTP (protobuf, gzip).
///
/// The exporter is two things at once, like every Loupe backend: a ``TelemetryHandler`` that
/// queues finished spans (never blocking, never unbounded) and a swift-service-lifecycle
/// `Service` whose `run()` batches, sends and retries them. Nothing happens in the background
/// until the service runs; graceful shutdown exports everything still queued.
///
/// ```swift
/// let exporter = OTLPExporter(configuration: .default.applyingEnvironment(), logger: logger)
/// try telemetry.attach("otlp", to: OTLPExporter.patterns, handler: exporter)
/// TelemetrySystem.bootstrap(telemetry)
///
/// // First in the list, so it shuts down last and receives the other services' final spans.
/// let group = ServiceGroup(services: [exporter, app], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// ```
///
/// A batch goes out when ``Configuration/maxBatchSize`` spans are queued or
/// ``Configuration/maxDelay`` after the previous timer, whichever is first. 429, 502, 503, 504
/// and network errors are retried as ``RetryPolicy`` says, honouring `Retry-After`; any other
/// answer drops the batch and logs why. Spans that will never arrive are counted in
/// ``droppedSpans`` and broken down in ``statistics``.
public final class OTLPExporter: TelemetryHandler, Service, Sendable {
    /// Every event: only span `stop`/`exception` events carry a finished span, and the rest are
    /// skipped with one optional check.
    public static let patterns: [EventPattern] = [.all]

    /// What the exporter was created with.
    public let configuration: Configuration

    let queue: SpanQueue
    let counters = ExportCounters()
    let transport: OTLPHTTPTransport
    let logger: Logger
    let clock: any Clock<Duration>
    let commands: AsyncStream<ExportCommand>
    let commandSink: AsyncStream<ExportCommand>.Continuation
    /// Set while a timer command is queued, so a loop stuck retrying does not pile them up.
    let timerPending = Atomic<Bool>(false)
    /// `run()` may be called once.
    let hasRun = Atomic<Bool>(false)
    let flushWaiters = FlushWaiters()

    /// - Parameters:
    ///   - configuration: endpoint, resource, batching and retries.
    ///   - httpClient: the client requests go through; the caller owns its lifecycle.
    ///   - logger: where drops, rejections and give-ups are reported.
    ///   - clock: what batch timers and retry waits sleep on; inject a manual clock in tests.
    ///   - wallClock: what an HTTP-date `Retry-After` is measured against.
    public init(
        configuration: Configuration = .default, httpClient: HTTPClient = .shared, logger: Logger,
        clock: any Clock<Duration> = ContinuousClock(), wallClock: any TelemetryClock = SystemTelemetryClock()
    ) {
        self.configuration = configuration
        self.queue = SpanQueue(
            capacity: configuration.maxQueueSize, batchSize: configuration.maxBatchSize,
            dropsOldest: configuration.overflowPolicy.dropsOldest)
        self.transport = OTLPHTTPTransport(client: httpClient, configuration: configuration, wallClock: wallClock)
        self.logger = logger
        self.clock = clock
        (self.commands, self.commandSink) = AsyncStream.makeStream(of: ExportCommand.self)
    }

    /// Queues the finished span of a `stop` or `exception` event; ignores everything else.
    public func handle(_ event: TelemetryEvent) {
        guard let span = event.finishedSpan else { return }
        switch queue.enqueue(span) {
        case .accepted(let wake):
            if wake { commandSink.yield(.batchReady) }
        case .evictedOldest(let wake):
            countOverflow()
            if wake { commandSink.yield(.batchReady) }
        case .dropped:
            countOverflow()
        }
    }

    /// Spans that will never reach the collector: refused by a full (or shut-down) queue, in
    /// batches given up on, or rejected by the collector.
    public var droppedSpans: Int {
        statistics.droppedSpans
    }

    /// Running totals and the current queue length.
    public var statistics: Statistics {
        Statistics(
            exportedSpans: counters.exported.load(ordering: .relaxed),
            droppedOnOverflow: counters.droppedOnOverflow.load(ordering: .relaxed),
            droppedOnFailure: counters.droppedOnFailure.load(ordering: .relaxed),
            rejectedSpans: counters.rejected.load(ordering: .relaxed),
            retries: counters.retries.load(ordering: .relaxed),
            failedRequests: counters.failedRequests.load(ordering: .relaxed),
            queuedSpans: queue.count)
    }

    /// Exports every span queued now and returns when those requests are done (retries
    /// included). Called before ``run()`` starts, it waits for it; after shutdown, it returns at once.
    public func forceFlush() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            if let id = flushWaiters.add(waiter) {
                commandSink.yield(.flush(id))
            }
        }
    }

    private func countOverflow() {
        counters.droppedOnOverflow.add(1, ordering: .relaxed)
        counters.unreportedOverflow.add(1, ordering: .relaxed)
    }
}
