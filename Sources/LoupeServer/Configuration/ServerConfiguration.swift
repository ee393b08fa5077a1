import Foundation
import LoupeAlerts
import LoupeAnalytics
import LoupeCore
import LoupeStoreSQLite

/// Everything `loupe serve` can be told; defaults suit one team on one machine.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 4318 is the OTLP/HTTP port every exporter tries first; 0 picks a free port.
    public var port: Int
    /// The OTLP/gRPC port (4317 is the one exporters try first; 0 picks a free port); nil serves no gRPC.
    public var grpcPort: Int? = nil
    public var databasePath: String
    /// The ClickHouse store's address (no credentials) when the data is kept there, not at ``databasePath``.
    public var storeAddress: String?
    public var storeOptions: SQLiteStoreOptions
    /// Largest request body, after decompression (OTLP recommends 64 MiB).
    public var maxBodyBytes: Int
    /// Spans waiting to be written before ingest answers 429.
    public var queueCapacitySpans: Int
    /// Bytes that ingest may hold at once (bodies, decoded spans, the queue) before it answers 429.
    public var maxInFlightBytes: Int
    /// Most spans written in one transaction.
    public var maxBatchSpans: Int
    /// Seconds a throttled client is told to wait.
    public var retryAfterSeconds: Int
    public var normalization: NormalizationOptions
    public var alerts: AlertConfiguration
    /// Budgets from `--budgets`; the API adds to them while the server runs.
    public var budgets: BudgetSet = BudgetSet()
    /// What successful requests are worth per business unit (`--roi`), for ROI.
    public var roiValues = RoiValues()
    /// Provider rate limits per model from `--rate-limits`, for capacity forecasts.
    public var rateLimits: [RateLimit] = []
    /// Whether requests need an API key (the default), or anyone who reaches the port may do
    /// anything (`--no-auth`, for a playground on loopback).
    public var requireKeys = true
    /// The certificate and key to speak TLS with (`--tls-cert`, `--tls-key`); nil for plain HTTP.
    public var tls: TLSFiles?
    /// Whether `/metrics` needs a read key too (`--metrics-auth`).
    public var metricsNeedKey = false
    /// The server's secret, which dashboard sessions are signed with; nil: a new one each start,
    /// which logs everyone out on restart.
    public var serverSecret: Data?
    /// How long spans and rollups are kept (`--retention`); the API may change it while the server runs.
    public var retention = RetentionPolicy()
    /// How often retention runs.
    public var retentionIntervalSeconds: Int = 60
    /// US dollars per Snowflake credit (`--credit-price-usd`), for the warehouse credits recommendations price.
    public var creditPriceUSD: Double = CostCalculator().creditPriceUSD

    /// Where the data is kept, for people: the SQLite file or the ClickHouse database.
    public var storeDescription: String { storeAddress.map { "ClickHouse \($0)" } ?? databasePath }

    public init(
        host: String = "127.0.0.1", port: Int = 4318, databasePath: String = "loupe.db",
        storeOptions: SQLiteStoreOptions = .default, maxBodyBytes: Int = 64 << 20, queueCapacitySpans: Int = 200_000,
        maxInFlightBytes: Int = 64 << 20,
        maxBatchSpans: Int = 20_000, retryAfterSeconds: Int = 2, normalization: NormalizationOptions = .default,
        alerts: AlertConfiguration = AlertConfiguration()
    ) {
        self.alerts = alerts
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.storeOptions = storeOptions
        self.maxBodyBytes = maxBodyBytes
        self.queueCapacitySpans = queueCapacitySpans
        self.maxInFlightBytes = maxInFlightBytes
        self.maxBatchSpans = maxBatchSpans
        self.retryAfterSeconds = retryAfterSeconds
        self.normalization = normalization
    }
}
