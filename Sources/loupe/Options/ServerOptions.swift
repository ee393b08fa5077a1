import ArgumentParser
import Foundation
import LoupeAlerts
import LoupeAnalytics
import LoupeCore
import LoupeServer
import LoupeStore
import LoupeStoreClickHouse
import LoupeStoreSQLite

/// Flags shared by the commands that run a server.
struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (4318 is OTLP/HTTP's default; 0 picks a free one).")
    var port = 4318

    @Option(name: .customLong("grpc-port"), help: ArgumentHelp(
        "OTLP/gRPC port for traces, metrics and logs (default: 4317, gRPC's OTLP port, or a free one with --port 0).",
        valueName: "port"))
    var grpcPort: Int?

    @Flag(name: .customLong("no-grpc"), help: "Serve OTLP over HTTP only.")
    var noGrpc = false

    @Option(help: "SQLite database file; created if missing.")
    var db = "loupe.db"

    @Option(help: ArgumentHelp(
        "Keep the data in ClickHouse instead of SQLite: clickhouse://host:8123/database (clickhouses:// for TLS).",
        discussion: "Any number of servers may share one ClickHouse behind a load balancer; alert evaluation and retention run on one of them at a time. For a database sharded over a cluster, name every shard's server and the cluster: clickhouse://ch1:8123,ch2:8123/loupe?cluster=loupe. Credentials come from LOUPE_CLICKHOUSE_USER and LOUPE_CLICKHOUSE_PASSWORD (or LOUPE_CLICKHOUSE_PASSWORD_FILE), never the command line. Give every server the same --secret-file.",
        valueName: "address"
    ))
    var store: String?

    @Option(help: ArgumentHelp(
        "The server's secret (32 bytes), which dashboard sessions are signed and prompts hashed with; created if missing.",
        discussion: "Default: beside the SQLite database (<db>.prompt-key), or ./loupe-server.key with --store. Servers sharing a store need the same file.",
        valueName: "file"
    ))
    var secretFile: String?

    @Option(help: "Business dimensions to extract from span attributes, comma-separated.")
    var dimensions = "business_unit,query_category"

    @Option(help: "Durability of acknowledged spans: full (survives power loss) or normal (survives a crash of Loupe).")
    var durability: SQLiteStoreOptions.Durability = .full

    @Flag(name: .customLong("no-content-packing"), help: "Store spans' attributes and events as plain text. Packing (deflate) keeps prompt and completion content in about a third of the space, for about a tenth of ingest throughput.")
    var noContentPacking = false

    @Option(help: "Largest request body in MiB, after decompression.")
    var maxBodyMib = 64

    @Option(help: "Spans queued for writing before ingest answers 429.")
    var queueCapacity = 200_000

    @Option(help: "MiB that requests being read, decoded, queued and written may hold at once before ingest answers 429.")
    var maxInflightMib = 64

    @Option(help: ArgumentHelp(
        "A YAML or JSON file of how long to keep data: `{spans_days: 30, rollups_days: 400, max_database_mib: 20480, projects: {acme: {spans_days: 7}}}`.",
        discussion: "Spans go with their traces, scores and retrieval steps; a background pass deletes in small batches every minute and gives the space back. Over max_database_mib, the oldest data of every project goes first (traces, or rollup periods older than every trace) until it fits. GET/PUT /api/v1/retention shows and changes it (a change lasts until restart: the file is what a restart starts from).",
        valueName: "file"
    ))
    var retention: String?

    @Flag(help: ArgumentHelp(
        "Serve without API keys: anyone who reaches the port may read and change everything.",
        discussion: "For a playground on this machine: refused on any address but loopback unless --allow-open-network is given too."
    ))
    var noAuth = false

    @Flag(help: "Allow --no-auth on an address other machines can reach.")
    var allowOpenNetwork = false

    @Flag(help: "Require a read key for /metrics too; Prometheus sends it as a bearer token (authorization: {credentials_file: …}).")
    var metricsAuth = false

    @Option(help: ArgumentHelp(
        "PEM certificate chain to serve HTTPS with (with --tls-key), for a deployment without a TLS proxy.",
        discussion: "The dashboard's session cookies are then marked Secure.", valueName: "file"
    ))
    var tlsCert: String?

    @Option(help: ArgumentHelp("PEM private key of --tls-cert.", valueName: "file"))
    var tlsKey: String?

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together: give both, or neither") }
        for path in [tlsCert, tlsKey].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("cannot read \(path): check the path and its permissions")
        }
        if noAuth, !allowOpenNetwork, !Self.isLoopback(host) {
            throw ValidationError(
                "--no-auth on \(host) would let anyone on the network read and change everything: listen on 127.0.0.1, or add --allow-open-network if that is what you want"
            )
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let grpcPort {
            guard (0...65_535).contains(grpcPort) else { throw ValidationError("--grpc-port must be between 0 and 65535") }
            guard !noGrpc else { throw ValidationError("--grpc-port and --no-grpc contradict each other: give one") }
            guard grpcPort == 0 || grpcPort != port else { throw ValidationError("--grpc-port must differ from --port (\(port))") }
        }
        guard maxBodyMib > 0 else { throw ValidationError("--max-body-mib must be positive") }
        guard queueCapacity > 0 else { throw ValidationError("--queue-capacity must be positive") }
        guard maxInflightMib > 0 else { throw ValidationError("--max-inflight-mib must be positive") }
        if let store {
            do { _ = try ClickHouseEndpoint(address: store, environment: [:]) } catch { throw ValidationError("--store: \(error)") }
        }
    }

    /// Where the server's secret is kept.
    var secretPath: String {
        secretFile ?? (store == nil ? PromptHashSecret.path(forDatabase: db) : "loupe-server.key")
    }

    /// The store the server writes: SQLite at `--db`, or ClickHouse at `--store`, migrated.
    func openStore(_ configuration: ServerConfiguration) async throws -> any TelemetryStore {
        if let store { return try await ClickHouseTelemetryStore.open(ClickHouseEndpoint(address: store)) }
        return try SQLiteTelemetryStore(path: configuration.databasePath, options: configuration.storeOptions)
    }

    /// The server's configuration, its alert rules file read and checked.
    func configuration() throws -> ServerConfiguration {
        var configuration = ServerConfiguration(
            host: host, port: port, databasePath: db, storeOptions: SQLiteStoreOptions(durability: durability, packContent: !noContentPacking),
            maxBodyBytes: maxBodyMib << 20, queueCapacitySpans: queueCapacity, maxInFlightBytes: maxInflightMib << 20,
            normalization: NormalizationOptions(businessDimensions: businessDimensions)
        )
        configuration.requireKeys = !noAuth
        configuration.grpcPort = noGrpc ? nil : grpcPort ?? (port == 0 ? 0 : 4317)
        if let tlsCert, let tlsKey { configuration.tls = TLSFiles(certificatePath: tlsCert, privateKeyPath: tlsKey) }
        configuration.metricsNeedKey = metricsAuth
        configuration.serverSecret = try PromptHashSecret.load(path: secretPath)
        if let store { configuration.storeAddress = try ClickHouseEndpoint(address: store).description }
        if let retention { configuration.retention = try Self.loadRetention(retention) }
        configuration.alerts = try alerts.configuration()
        configuration.creditPriceUSD = pricing.creditPriceUsd
        if let rateLimits { configuration.rateLimits = try CapacityCommand.load(rateLimits) }
        if let roi { configuration.roiValues = try RoiCommand.load(roi, dimensions: businessDimensions) }
        if let budgets {
            configuration.budgets = try BudgetsCommand.load(budgets, dimensions: Budget.dimensions(business: businessDimensions))
        }
        return configuration
    }

    @OptionGroup var pricing: PriceCatalogOptions

    @OptionGroup(title: "Alerts") var alerts: AlertOptions

    @Option(help: ArgumentHelp(
        "A YAML or JSON file of budgets: `budgets: [{name: support, amount_usd: 500, period: monthly, filters: {service: support-rag}}]`.",
        discussion: "Each budget shows spend to date, the forecast at the period's end and when it runs out (GET /api/v1/budgets, loupe budgets); alert rules of kind budget watch them.",
        valueName: "file"
    ))
    var budgets: String?

    @Option(help: ArgumentHelp(
        "A YAML or JSON file of what a successful request is worth: `{by: business_unit, default: {value_per_success_usd: 0.5}}`.",
        discussion: "GET /api/v1/roi and the Business page weigh it against cost (see `loupe roi --help`).",
        valueName: "file"
    ))
    var roi: String?

    @Option(help: ArgumentHelp(
        "A YAML or JSON file of provider rate limits per model: `rate_limits: [{model: gpt-4o, tpm: 30000, rpm: 500}]`.",
        discussion: "GET /api/v1/capacity and loupe capacity forecast each model's busiest minute against them.",
        valueName: "file"
    ))
    var rateLimits: String?

    @Option(help: "A JSON file of your own error rules, checked before the built-in ones.")
    var errorRules: String?

    @OptionGroup var redaction: RedactionOptions

    func enrichers() throws -> [any SpanEnricher] {
        LoupeApplication.enrichers(
            catalog: try pricing.catalog(), calculator: pricing.calculator,
            classifier: try ErrorClassifierLoader.classifier(rulesPath: errorRules),
            redaction: RedactionEnricher(
                redactor: Redactor(configuration: try redaction.configuration()), captureContent: !redaction.noContent,
                extraKeys: redaction.extraKeys
            ),
            promptHash: PromptHashEnricher(secret: try PromptHashSecret.load(path: secretPath))
        )
    }

    /// A retention policy file, checked.
    static func loadRetention(_ path: String) throws -> RetentionPolicy {
        let policy = try TextFile.load(path) { try YAMLFile.decode(RetentionPolicy.self, from: $0) }
        if let problem = policy.problem { throw CommandFailure("\(path): \(problem)") }
        return policy
    }

    /// Whether only this machine can reach `host`.
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    var businessDimensions: [String] {
        dimensions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension SQLiteStoreOptions.Durability: ExpressibleByArgument {}
