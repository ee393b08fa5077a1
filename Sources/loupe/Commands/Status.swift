import ArgumentParser
import Foundation
import LoupeAnalytics
import LoupeStore

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how each service is doing right now: requests per minute, errors, latency, failed calls and cost.",
        discussion: """
            Reads the database (also while `loupe serve` writes it) and compares the last --window with
            the --window before it, per service, in requests. Exits with status 1 when no request
            arrived in the last --window, so scripts can tell a silent pipeline from a healthy one.
            """
    )

    @Option(help: "SQLite database file written by `loupe serve` or `loupe demo`.")
    var db = "loupe.db"

    @Option(help: "The recent window: 5m, 15m, 1h…")
    var window = "5m"

    func run() async throws {
        let store = try StoreOpener.open(db)
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
}
