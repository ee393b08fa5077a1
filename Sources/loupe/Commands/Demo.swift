import ArgumentParser
import Hummingbird
import Logging
import LoupeDemo
import LoupeServer
import LoupeStoreSQLite
import ServiceLifecycle
import UnixSignals

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run Loupe with live simulated GenAI traffic: RAG, agents, web chat and summaries, with failures.",
        discussion: """
            Starts the server (as `loupe serve`) and a generator that sends OTLP over loopback, as real \
            exporters would: four services in four telemetry conventions (as Python and JavaScript apps \
            send them), a fifth instrumented with Loupe's Swift SDK and its OTLP exporter, several providers and models, \
            a few percent of rate limits, context overflows, timeouts, bad keys and content filters, \
            200 users and their sessions. Ctrl-C stops both cleanly.
            """
    )

    @OptionGroup var server: ServerOptions

    @Option(help: "Simulated pipeline requests (traces) per second.")
    var rate = 20.0

    @Option(help: "Share of requests that fail, from 0 to 1.")
    var failureRate = 0.05

    @Option(help: "Seed for the simulated traffic.")
    var seed: UInt64 = 42

    func validate() throws {
        guard rate > 0, rate <= 10_000 else { throw ValidationError("--rate must be between 0 and 10000") }
        guard (0...1).contains(failureRate) else { throw ValidationError("--failure-rate must be between 0 and 1") }
    }

    func run() async throws {
        var logger = Logger(label: "loupe")
        logger.logLevel = .warning
        let configuration = try server.configuration()
        let store = try SQLiteTelemetryStore(path: configuration.databasePath, options: configuration.storeOptions)
        try await store.claimIngest()
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = LoupeApplication.make(
            configuration: configuration, store: store, enrichers: try server.enrichers(), prices: try server.pricing.catalog(), logger: logger, onServerRunning: { port in
            portContinuation.yield(port)
            portContinuation.finish()
        })
        let traffic = DemoService(
            host: configuration.host, ports: ports, store: store,
            generator: DemoTrafficGenerator(tracesPerSecond: rate, failureRate: failureRate, seed: seed),
            databasePath: configuration.databasePath, logger: logger
        )
        let group = ServiceGroup(
            configuration: .init(services: [app, traffic], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
        print("\nLoupe demo stopped; the data is in \(configuration.databasePath) (try: loupe report --db \(configuration.databasePath)).")
    }
}
