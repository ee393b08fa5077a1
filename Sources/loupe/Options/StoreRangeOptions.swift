import ArgumentParser
import Foundation
import LoupeAnalytics
import LoupeStore

/// The database, range and project of a command that reads a store.
struct StoreRangeOptions: ParsableArguments {
    @Option(help: "SQLite database file written by `loupe serve` or `loupe demo`, or a ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    @Option(help: "The range: 1h, 24h, 30d…")
    var since = "30d"

    @Option(help: "Only this project.")
    var project: String?

    func open() async throws -> any TelemetryStore { try await StoreOpener.open(db) }

    /// The last `since` before now.
    func range() throws -> TimeRange {
        .last(seconds: try StoreOpener.seconds(since), now: Int64(Date().timeIntervalSince1970 * 1e9))
    }
}
