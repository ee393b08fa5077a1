import ArgumentParser
import AsyncHTTPClient
import Foundation
import LoupeAnalytics
import LoupeServer
import LoupeStore
import NIOCore
import NIOHTTP1

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how each service is doing right now: requests per minute, errors, latency, failed calls and cost.",
        discussion: """
            Reads the database (also while `loupe serve` writes it) and compares the last --window with
            the --window before it, per service, in requests. Exits with status 1 when no request
            arrived in the last --window, so scripts can tell a silent pipeline from a healthy one.

            With --server, it first asks that running server for its own state (GET /api/v1/status):
            spans accepted and refused, the queue and memory in flight, commit times, how far the
            folded aggregates lag, and the database's size.
            """
    )

    @Option(help: "SQLite database file written by `loupe serve` or `loupe demo`, or a ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    @Option(help: "The recent window: 5m, 15m, 1h…")
    var window = "5m"

    @Option(help: "A running Loupe server's address (e.g. http://127.0.0.1:4318) whose ingest counters to show too.")
    var server: String?

    func run() async throws {
        if let server { print(ServerStatusTable(status: try await Self.fetchStatus(server)).render() + "\n") }
        let store = try await StoreOpener.open(db)
        let seconds = try StoreOpener.seconds(window, option: "--window")
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        let analytics = TelemetryAnalytics(store: store)
        let current = try await analytics.summary(
            SummaryQuery(range: .last(seconds: seconds, now: now), groupBy: [.service])
        )
        let previous = try await analytics.summary(
            SummaryQuery(range: .last(seconds: seconds, now: now - seconds * 1_000_000_000), groupBy: [.service])
        )
        print(StatusTable(current: current, previous: previous, windowSeconds: seconds, windowText: window).render())
        if current.totals.measures.requests.count == 0 { throw ExitCode(1) }
    }

    static func fetchStatus(_ server: String) async throws -> ServerStatus {
        let data = try await ServerClient(server: server).data("GET", "/api/v1/status")
        do {
            return try JSONDecoder().decode(ServerStatus.self, from: data)
        } catch {
            throw CommandFailure("\(server)/api/v1/status did not answer a Loupe status: \(error)")
        }
    }
}
