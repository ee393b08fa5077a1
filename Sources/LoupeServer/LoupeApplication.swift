import AsyncHTTPClient
import Crypto
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import LoupeAlerts
import LoupeAnalytics
import LoupeCore
import LoupeDashboard
import LoupeStore
import NIOCore
import NIOSSL
import Prometheus
import ServiceLifecycle

/// Assembles Loupe's HTTP application: OTLP ingest, the query API, and the batch writer and
/// store maintenance services.
public enum LoupeApplication {
    /// The parts a running server is made of; tests and the demo keep hold of them.
    public struct Parts {
        public let queue: IngestQueue
        public let budget: IngestBudget
        public let counters: IngestCounters
        public let writer: BatchWriter
        public let maintenance: StoreMaintenance<ContinuousClock>
        public let pipeline: IngestPipeline
        public let router: Router<LoupeRequestContext>
        /// Nil when alerting is turned off.
        public let alerts: AlertEngine?
        public let metrics: ServerMetrics
        /// The API keys requests are checked against.
        public let keys: AccessKeys
        public let retention: Retention
        /// The OTLP/gRPC services, over the same receivers as the HTTP routes.
        let grpc: OTLPGRPCService
    }

    public static func parts(
        configuration: ServerConfiguration, store: any TelemetryStore, enrichers: [any SpanEnricher] = [],
        prices: PriceCatalog? = nil, logger: Logger, now: @escaping @Sendable () -> Int64 = LoupeApplication.wallClockNanos
    ) -> Parts {
        let queue = IngestQueue(capacity: configuration.queueCapacitySpans)
        let budget = IngestBudget(limitBytes: configuration.maxInFlightBytes)
        let counters = IngestCounters()
        let pipeline = IngestPipeline(normalizer: SpanNormalizer(options: configuration.normalization), enrichers: enrichers)
        let router = Router(context: LoupeRequestContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger))
        let registry = PrometheusCollectorRegistry()
        let keys = AccessKeys(store: store, now: now)
        let secret = configuration.serverSecret ?? SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let analytics = TelemetryAnalytics(store: store, prices: prices, creditPriceUSD: configuration.creditPriceUSD)
        let dimensions = configuration.normalization.businessDimensions
        // Refused pages are pages of the dashboard; a message reads nothing stored.
        let messages = Dashboard(analytics: analytics, businessDimensions: dimensions, otlpEndpoint: configuration.otlpEndpoint)
        let access = Self.access(configuration, keys: keys, secret: secret, registry: registry, now: now) { project, headline, text in
            messages.restricted(to: project).message(headline: headline, text: text, nowNanos: now())
        }
        let retention = Retention(policy: configuration.retention, store: store)
        router.add(middleware: access.middleware)
        router.add(middleware: ActionAudit(store: store, now: now))
        router.get("health") { _, _ in "ok" }
        AccessKeyRoutes(keys: keys).addRoutes(to: router)
        AuditRoutes(store: store, now: now).addRoutes(to: router)
        func receiver<Signal: OTLPSignal>(_ signal: Signal) -> OTLPReceiver<Signal> {
            OTLPReceiver(
                signal: signal, queue: queue, budget: budget, counters: counters, maxBodyBytes: configuration.maxBodyBytes,
                retryAfterSeconds: configuration.retryAfterSeconds, now: now, logger: logger)
        }
        let senders = SpanSenders()
        let traces = receiver(TraceSignal(pipeline: pipeline, packContent: store.packsContent, spanSenders: senders))
        let metrics = receiver(MetricSignal(
            rollups: MetricRollups(pipeline: pipeline, series: CumulativeSeries(startedNanos: now()), spanSenders: senders)))
        let logs = receiver(LogSignal(pipeline: pipeline))
        traces.addRoutes(to: router)
        metrics.addRoutes(to: router)
        logs.addRoutes(to: router)
        let grpc = OTLPGRPCService(
            traces: traces, metrics: metrics, logs: logs,
            access: GRPCAccess(keys: configuration.requireKeys ? keys : nil, limiter: access.limiter, now: now))
        StatusRoutes<LoupeRequestContext>(counters: counters, queue: queue, budget: budget, store: store, retention: retention, started: .now)
            .addRoutes(to: router)
        QueryRoutes<LoupeRequestContext>(analytics: analytics, businessDimensions: dimensions, now: now).addRoutes(to: router)
        ScoreRoutes(store: store, now: now).addRoutes(to: router)
        ExperimentRoutes<LoupeRequestContext>(analytics: analytics, businessDimensions: dimensions, now: now).addRoutes(to: router)
        BusinessRoutes<LoupeRequestContext>(
            analytics: analytics, businessDimensions: dimensions, roiValues: configuration.roiValues, now: now
        ).addRoutes(to: router)
        QualityRoutes<LoupeRequestContext>(analytics: analytics, now: now).addRoutes(to: router)
        UserRoutes(records: UserRecords(store: store, analytics: analytics, pseudonyms: UserPseudonym(secret: secret), now: now))
            .addRoutes(to: router)
        RetentionRoutes(retention: retention, store: store, now: now).addRoutes(to: router)
        let budgets = BudgetBook(configuration.budgets, dimensions: Budget.dimensions(business: dimensions))
        BudgetRoutes<LoupeRequestContext>(analytics: analytics, budgets: budgets, rateLimits: configuration.rateLimits, now: now)
            .addRoutes(to: router)
        var alerts: AlertEngine?
        if configuration.alerts.enabled {
            let engine = AlertEngine(
                rules: configuration.alerts.rules, analytics: analytics,
                channels: alertChannels(configuration.alerts.rules.channels, logger: logger, now: now),
                dashboardURL: configuration.dashboardURL, logger: logger, budgets: budgets
            )
            AlertRoutes<LoupeRequestContext>(engine: engine, store: store, now: now).addRoutes(to: router)
            alerts = engine
        }
        let dashboard = Dashboard(
            analytics: analytics, businessDimensions: dimensions, otlpEndpoint: configuration.otlpEndpoint,
            otlpGRPC: configuration.otlpGRPCEndpoint, alerts: alerts, budgets: budgets,
            rateLimits: configuration.rateLimits, roiValues: configuration.roiValues
        )
        DashboardRoutes(dashboard: dashboard, alerts: alerts, now: now).addRoutes(to: router)
        LoginRoutes(
            dashboard: dashboard, keys: configuration.requireKeys ? keys : nil, sessions: access.sessions, limiter: access.limiter,
            secureCookies: configuration.secureCookies, now: now
        ).addRoutes(to: router)
        let serverMetrics = ServerMetrics(registry: registry, counters: counters, budget: budget, queue: queue, store: store, alerts: alerts)
        MetricsRoutes<LoupeRequestContext>(metrics: serverMetrics).addRoutes(to: router)
        let writer = BatchWriter(
            queue: queue, store: store, maxBatchSpans: configuration.maxBatchSpans, counters: counters, logger: logger,
            onCommit: { [genAI = serverMetrics.genAI] batch in genAI.record(batch) }
        )
        let maintenance = StoreMaintenance(store: store, logger: logger)
        return Parts(
            queue: queue, budget: budget, counters: counters, writer: writer, maintenance: maintenance, pipeline: pipeline,
            router: router, alerts: alerts, metrics: serverMetrics, keys: keys, retention: retention, grpc: grpc
        )
    }

    /// The access check every request passes, with the sessions and failure limiter the login page shares.
    static func access(
        _ configuration: ServerConfiguration, keys: AccessKeys, secret: Data, registry: PrometheusCollectorRegistry,
        now: @escaping @Sendable () -> Int64, refusalPage: (@Sendable (String?, String, String) -> String)? = nil
    ) -> (middleware: AccessMiddleware, sessions: DashboardSessions, limiter: AuthFailureLimiter) {
        let sessions = DashboardSessions(secret: secret)
        let limiter = AuthFailureLimiter()
        let middleware = AccessMiddleware(
            keys: configuration.requireKeys ? keys : nil, sessions: sessions, policy: AccessPolicy(metricsNeedKey: configuration.metricsNeedKey),
            limiter: limiter, secureCookies: configuration.secureCookies, refused: { reason in
                registry.makeCounter(
                    descriptor: .named("loupe_auth_refused_requests_total", help: "Requests refused by authentication, by reason."),
                    labels: [("reason", reason)]
                ).increment()
            }, now: now, refusalPage: refusalPage
        )
        return (middleware, sessions, limiter)
    }

    /// HTTP/1.1 over TLS with the configured certificate chain and key.
    static func tlsServer(_ files: TLSFiles) throws -> HTTPServerBuilder {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(files.certificatePath)
            key = try NIOSSLPrivateKey(file: files.privateKeyPath, format: .pem)
        } catch {
            throw TLSFilesError(files: files, reason: "\(error)")
        }
        guard !chain.isEmpty else { throw TLSFilesError(files: files, reason: "no certificate in \(files.certificatePath)") }
        do {
            // Building the context checks that the key belongs to the certificate.
            return try .tls(tlsConfiguration: .makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key)))
        } catch {
            throw TLSFilesError(files: files, reason: "\(error)")
        }
    }

    /// The configured channels, and a log line for every notification in any case.
    static func alertChannels(_ configs: [AlertChannelConfig], logger: Logger, now: @escaping @Sendable () -> Int64) -> [any AlertChannel] {
        var channels: [any AlertChannel] = []
        if !configs.contains(where: { $0.type == .log }) {
            channels.append(LogAlertChannel(config: AlertChannelConfig(name: "log", type: .log), logger: logger))
        }
        for config in configs {
            if config.type == .log {
                channels.append(LogAlertChannel(config: config, logger: logger))
            } else {
                channels.append(HTTPAlertChannel(
                    config: config, client: HTTPClient.shared, logger: logger, now: now, sleep: { try await Task.sleep(for: $0) }
                ))
            }
        }
        return channels
    }

    /// The application `loupe serve` runs; `onServerRunning` receives the bound port. Throws when
    /// the TLS certificate or key cannot be read.
    public static func make(
        configuration: ServerConfiguration, store: any TelemetryStore, enrichers: [any SpanEnricher] = [],
        prices: PriceCatalog? = nil, logger: Logger, now: @escaping @Sendable () -> Int64 = LoupeApplication.wallClockNanos,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in },
        onGRPCListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let parts = parts(configuration: configuration, store: store, enrichers: enrichers, prices: prices, logger: logger, now: now)
        return Application(
            router: parts.router, server: try configuration.tls.map(Self.tlsServer) ?? .http1(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "loupe"),
            services: [
                parts.writer, parts.maintenance,
                RetentionService(
                    retention: parts.retention, interval: .seconds(configuration.retentionIntervalSeconds), clock: ContinuousClock(), now: now,
                    logger: logger,
                    lease: ServiceLease(name: "retention", store: store, ttl: .seconds(3 * configuration.retentionIntervalSeconds))
                ),
            ] + (parts.alerts.map { engine -> [any Service] in
                [AlertService(
                    engine: engine, interval: .seconds(configuration.alerts.intervalSeconds), clock: ContinuousClock(), now: now, logger: logger,
                    lease: ServiceLease(name: "alerts", store: store, ttl: .seconds(3 * configuration.alerts.intervalSeconds))
                )]
            } ?? []) + (configuration.grpcPort.map { port -> [any Service] in
                [OTLPGRPCServer(
                    service: parts.grpc, host: configuration.host, port: port, maxMessageBytes: configuration.maxBodyBytes, tls: configuration.tls,
                    logger: logger, onListening: onGRPCListening
                )]
            } ?? []),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
    }

    /// The enrichment every server applies, in order: error classification (which reads the raw
    /// message), cost, the prompt's keyed hash (of the text as sent), then redaction, so nothing
    /// personal or secret reaches the store.
    public static func enrichers(
        catalog: PriceCatalog, calculator: CostCalculator = CostCalculator(), classifier: ErrorClassifier = ErrorClassifier(),
        redaction: RedactionEnricher = RedactionEnricher(), promptHash: PromptHashEnricher = .ephemeral()
    ) -> [any SpanEnricher] {
        [
            ErrorClassificationEnricher(classifier: classifier),
            CostEnricher(pricer: SpanPricer(catalog: catalog, calculator: calculator)),
            promptHash,
            redaction,
        ]
    }

    /// ``enrichers(catalog:calculator:classifier:)`` with the built-in catalog and rules.
    public static func defaultEnrichers() throws -> [any SpanEnricher] {
        enrichers(catalog: try PriceCatalog.builtIn())
    }

    @Sendable public static func wallClockNanos() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1_000_000_000)
    }
}
