import ArgumentParser
import Foundation
import LoupeAlerts
import LoupeAnalytics
import LoupeCore

/// `loupe capacity`: each configured rate limit against its model's busiest minutes, now and forecast.
struct CapacityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "Forecast each model's busiest minute against its provider rate limits (TPM, RPM) for the next week.",
        discussion: """
            A rate limits file (YAML or JSON):
              rate_limits:
                - {model: gpt-4o, tpm: 30000, rpm: 500}
                - {model: claude-3-5-sonnet-20241022, provider: anthropic, tpm: 40000}
            The hourly forecast of tokens or calls is scaled by how much busier an hour's busiest minute runs
            than its average minute over the last day.
            """
    )

    @Option(help: "The rate limits file.")
    var rateLimits: String

    @Option(help: "SQLite database file written by `loupe serve` or `loupe demo`, or a ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    func run() async throws {
        let limits = try Self.load(rateLimits)
        guard !limits.isEmpty else {
            print("\(rateLimits) holds no rate limits.")
            return
        }
        let analytics = TelemetryAnalytics(store: try await StoreOpener.open(db))
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        for limit in limits {
            for report in try await analytics.capacity(limit, nowNanos: now) {
                print("\(limit.model) \(report.kind.rawValue.uppercased()): \(report.sentence)")
            }
        }
    }

    static func load(_ path: String) throws -> [RateLimit] {
        try TextFile.load(path) { try RateLimitSet.load(text: $0) }
    }
}
