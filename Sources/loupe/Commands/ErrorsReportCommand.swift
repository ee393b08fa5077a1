import ArgumentParser
import Foundation
import LoupeStore
import LoupeStoreSQLite
import LoupeAnalytics
import LoupeCore
import LoupeStoreSQLite

struct ErrorsReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the stored failure modes: categories, fingerprints, counts and what to do."
    )

    @Option(help: "SQLite database file written by `loupe serve` or `loupe demo`, or a ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    @Option(help: "How far back to look: 30m, 1h, 24h, 7d…")
    var since = "24h"

    func run() async throws {
        let store = try await StoreOpener.open(db)
        let seconds = try StoreOpener.seconds(since)
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        let report = try await TelemetryAnalytics(store: store).errors(ErrorsQuery(range: .last(seconds: seconds, now: now)))
        guard report.totalErrors > 0 else {
            print("No failures stored in the last \(since).")
            return
        }
        print("\(report.rootCauses) failures (\(report.totalErrors) failed spans, a failure counted once at its root cause) in the last \(since)\(report.truncated ? " (most recent only)" : "")\n")
        for group in report.groups {
            print("\(group.category.title) [\(group.category.rawValue)]: \(group.count)")
            print("  what to do: \(group.category.remediation.summary) (automatic: \(group.category.recommendedAction.rawValue))")
            for f in group.fingerprints.prefix(5) {
                let models = f.models.sorted { $0.value > $1.value }.map(\.key).prefix(3).joined(separator: ", ")
                print("  \(f.fingerprint)  ×\(f.count)  \(models.isEmpty ? "" : "[\(models)] ")\(f.sampleMessage ?? f.errorType ?? "")")
            }
            print("")
        }
    }
}
