import InMemoryLogging
import Logging
import Loupe
import LoupeTesting
import ServiceLifecycle

/// An exporter wired the way an application wires it — attached to a `Telemetry`, run in a
/// `ServiceGroup` — with a manual clock, seeded ids and an in-memory log.
struct ExporterHarness {
    let clock = TestClock()
    let wallClock = ManualTelemetryClock()
    let log = InMemoryLogHandler()
    let exporter: OTLPExporter
    let telemetry: Telemetry

    init(_ configuration: OTLPExporter.Configuration) throws {
        let log = self.log
        exporter = OTLPExporter(
            configuration: configuration, logger: Logger(label: "otlp", factory: { _ in log }), clock: clock,
            wallClock: wallClock)
        telemetry = Telemetry(configuration: .init(clock: wallClock, idGenerator: SeededIDGenerator()))
        try telemetry.attach("otlp", to: OTLPExporter.patterns, handler: exporter)
    }

    /// Ends `count` spans named `work 0`, `work 1`…
    func endSpans(_ count: Int, from first: Int = 0) {
        for index in first..<first + count {
            telemetry.withSpan("test.work", name: "work \(index)") { _ in wallClock.advance(by: .milliseconds(5)) }
        }
    }

    /// Runs the exporter in a service group around `body`, then shuts it down gracefully and
    /// waits for it to return.
    func running(_ body: () async throws -> Void) async throws {
        let group = ServiceGroup(
            configuration: .init(
                services: [exporter], gracefulShutdownSignals: [],
                logger: Logger(label: "services", factory: { _ in SwiftLogNoOpLogHandler() })))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                try await body()
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// The messages logged at `level`.
    func messages(at level: Logger.Level) -> [String] {
        log.entries.filter { $0.level == level }.map(\.message.description)
    }
}

extension OTLPExporter.Configuration {
    /// Batches of up to `maxBatchSize`, a timer that never fires unless the test advances the
    /// clock an hour, and exact (jitter-free) backoff from 1 s.
    static func test(
        _ endpoint: String, maxBatchSize: Int = 100, maxQueueSize: Int = 1_000, maxAttempts: Int = 3,
        overflowPolicy: OTLPExporter.OverflowPolicy = .dropNewest, compression: OTLPExporter.Compression = .gzip,
        exportTimeout: Duration = .seconds(10)
    ) -> Self {
        OTLPExporter.Configuration(
            endpoint: endpoint, resource: ["service.name": "exporter-tests"], compression: compression,
            maxQueueSize: maxQueueSize, maxBatchSize: maxBatchSize, maxDelay: .seconds(3_600),
            exportTimeout: exportTimeout, overflowPolicy: overflowPolicy,
            retry: .init(maxAttempts: maxAttempts, initialBackoff: .seconds(1), jitter: 0))
    }
}
