import ArgumentParser
import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore
import LoupeStoreSQLite

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a summary of stored telemetry as a table: requests, errors, tokens, cost and latency percentiles."
    )

    @Option(help: "SQLite database file written by `loupe serve` or `loupe demo`, or a ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    @Option(help: "How far back to look: 30m, 1h, 24h, 7d…")
    var since = "1h"

    @Option(help: "Dimensions to group by, comma-separated: model, provider, operation, service, user, error_category, or a business dimension.")
    var by = "model"

    @Option(help: "Business dimensions the server was configured with, comma-separated.")
    var dimensions = "business_unit,query_category"

    func run() async throws {
        let store = try await StoreOpener.open(db)
        let seconds = try StoreOpener.seconds(since)
        let business = dimensions.split(separator: ",").map(String.init)
        let groupBy = by.split(separator: ",").map { TelemetryDimension($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.name.isEmpty }
        for dimension in groupBy where !dimension.isBuiltIn && !business.contains(dimension.name) {
            throw ValidationError("--by: unknown dimension '\(dimension.name)'; use \((TelemetryDimension.builtIn.map(\.name) + business).joined(separator: ", "))")
        }
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        let report: SummaryReport
        do {
            report = try await TelemetryAnalytics(store: store).summary(
                SummaryQuery(range: .last(seconds: seconds, now: now), groupBy: groupBy)
            )
        } catch let error as AnalyticsError {
            throw ValidationError(error.description)
        }
        print(ReportTable(report: report).render())
    }
}
