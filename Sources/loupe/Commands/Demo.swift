import ArgumentParser
import Hummingbird
import Logging
import LoupeAlerts
import LoupeAnalytics
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
            200 users and their sessions. After twelve minutes one user's agent loops on gpt-4o for eight \
            minutes, at 22 minutes 40% of requests hit rate limits for five, and at 32 traffic dips to 30% \
            for five: the Anomalies page finds each and says what drove it. Ctrl-C stops both cleanly.
            """
    )

    @OptionGroup var server: ServerOptions

    @Option(help: "Simulated pipeline requests (traces) per second.")
    var rate = 20.0

    @Option(help: "Share of requests that fail, from 0 to 1.")
    var failureRate = 0.05

    @Option(help: "Seed for the simulated traffic.")
    var seed: UInt64 = 42

    @Option(help: "Minutes after the start when the incidents begin (a runaway agent loop, then a burst of rate limits, then a traffic dip); 0 turns them off.")
    var incidentAfter = 12

    func validate() throws {
        if server.store != nil {
            throw ValidationError("the demo keeps its data in a SQLite file (--db); run `loupe serve --store` to use ClickHouse")
        }
        guard rate > 0, rate <= 10_000 else { throw ValidationError("--rate must be between 0 and 10000") }
        guard (0...1).contains(failureRate) else { throw ValidationError("--failure-rate must be between 0 and 1") }
        guard incidentAfter == 0 || (10...1_440).contains(incidentAfter) else {
            throw ValidationError("--incident-after must be 0 (off) or from 10 to 1440 minutes: the baseline needs ten minutes of normal traffic first")
        }
    }

    func run() async throws {
        var logger = Logger(label: "loupe")
        logger.logLevel = .warning
        var configuration = try server.configuration()
        // Budgets and rate limits to look at, unless the command line gives its own: the runaway
        // loop takes the research agent past 80% of its day's budget and over gpt-4o's TPM limit.
        if configuration.budgets.budgets.isEmpty {
            configuration.budgets = BudgetSet(budgets: [
                Budget(name: "all services", amountUSD: 20_000, period: .daily),
                Budget(name: "research agent", amountUSD: 80, period: .daily, filters: ["service": "research-agent"]),
            ])
        }
        if configuration.roiValues == RoiValues() {
            // What the demo's business units say a good answer is worth, so ROI has values to weigh:
            // research's runaway agent loop costs more than its answers are worth.
            configuration.roiValues = RoiValues(
                defaults: RoiValues.Worth(valuePerSuccessUSD: 0.01, minutesSaved: 0.5),
                units: [
                    "support": RoiValues.Worth(valuePerSuccessUSD: 0.02, minutesSaved: 1), "sales": RoiValues.Worth(valuePerSuccessUSD: 0.03, minutesSaved: 2),
                    "research": RoiValues.Worth(valuePerSuccessUSD: 0.006, minutesSaved: 3),
                ]
            )
        }
        if configuration.rateLimits.isEmpty {
            configuration.rateLimits = [RateLimit(model: "gpt-4o", provider: "openai", tokensPerMinute: 2_000_000, requestsPerMinute: 10_000)]
        }
        let store = try SQLiteTelemetryStore(path: configuration.databasePath, options: configuration.storeOptions)
        try await store.claimIngest()
        let keys = configuration.requireKeys ? try await DemoKeys.make(store: store) : nil
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = try LoupeApplication.make(
            configuration: configuration, store: store, enrichers: try server.enrichers(), prices: try server.pricing.catalog(), logger: logger, onServerRunning: { port in
            portContinuation.yield(port)
            portContinuation.finish()
        })
        let traffic = DemoService(
            host: configuration.host, ports: ports, store: store,
            generator: DemoTrafficGenerator(
                tracesPerSecond: rate, failureRate: failureRate, seed: seed,
                // A tenth of the traffic again, each trace four long gpt-4o calls: cost several times its usual.
                incident: incidentAfter == 0 ? nil : .init(after: .seconds(incidentAfter * 60), tracesPerSecond: max(0.5, rate / 10))
            ),
            databasePath: configuration.databasePath, keys: keys, logger: logger
        )
        let group = ServiceGroup(
            configuration: .init(services: [app, traffic], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
        print("\nLoupe demo stopped; the data is in \(configuration.databasePath) (try: loupe report --db \(configuration.databasePath)).")
    }
}
