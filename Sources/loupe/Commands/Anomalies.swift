import ArgumentParser
import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore
import LoupeStoreSQLite

/// `loupe anomalies`: what left its usual range recently, how far, and which values drove it.
struct Anomalies: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the anomalies of the recent past: spikes and drops against a robust seasonal baseline, with what drove them.",
        discussion: """
            Each series (requests, errors, error rate, p95 latency, cost, tokens per request, time to first
            token) is compared with the same time of day on earlier days when a day of history is stored, and
            with the minutes just before otherwise. Anomalies still going on come first, then the most severe.

            Examples:
              loupe anomalies --since 24h
              loupe anomalies --since 6h --metric cost_usd --metric error_rate
              loupe anomalies --since 24h --group-by model
            """
    )

    @Option(help: "SQLite database file written by `loupe serve` or `loupe demo`, or a ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    @Option(help: "The range to report anomalies in: 30m, 1h, 24h, 7d…")
    var since = "24h"

    @Option(help: "History before the range that the baseline is learnt from (a day or more makes it seasonal).")
    var lookback = "3d"

    @Option(help: "A metric to watch (repeatable): \(AnomalyMetric.allCases.map(\.rawValue).joined(separator: ", ")). Default: all.")
    var metric: [String] = []

    @Option(help: "One series per value of this dimension (model, service, operation, provider, user…), its largest values only.")
    var groupBy: String?

    @Option(help: "How many values of --group-by to watch.")
    var limit = 10

    func run() async throws {
        let metrics = try metric.map { name in
            guard let metric = AnomalyMetric(rawValue: name) else {
                throw ValidationError("unknown metric '\(name)'; use \(AnomalyMetric.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return metric
        }
        let groupBy = try groupBy.map { name in
            guard !name.isEmpty, !name.contains(",") else {
                throw ValidationError("--group-by takes one dimension such as model, service, user or a business dimension")
            }
            return TelemetryDimension(name)
        }
        guard (1...50).contains(limit) else { throw ValidationError("--limit must be from 1 to 50") }
        let store = try await StoreOpener.open(db)
        let seconds = try StoreOpener.seconds(since)
        let lookbackSeconds = try StoreOpener.seconds(lookback, option: "--lookback")
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        let query = AnomalyQuery(
            range: .last(seconds: seconds, now: now), metrics: metrics.isEmpty ? AnomalyMetric.allCases : metrics, groupBy: groupBy,
            lookbackSeconds: lookbackSeconds, groupLimit: limit
        )
        let report: AnomalyReport
        do {
            report = try await TelemetryAnalytics(store: store).anomalies(query)
        } catch let error as AnalyticsError {
            throw ValidationError(error.description)
        }
        print(Self.render(report, since: since))
    }

    static func render(_ report: AnomalyReport, since: String) -> String {
        let history = report.historyMinutes >= 1_440
            ? "\(report.historyMinutes / 1_440) days of data" : "\(report.historyMinutes) minutes of data"
        let baseline = report.baseline.map { $0 == .seasonal ? "the same time on earlier days" : "the minutes just before" } ?? "no baseline yet"
        var lines = [
            "\(report.anomalies.isEmpty ? "No" : String(report.anomalies.count)) anomal\(report.anomalies.count == 1 ? "y" : "ies") in the last \(since)"
                + " (\(report.stepSeconds / 60)-minute steps against \(baseline); \(history))",
        ]
        if report.historyMinutes < 60 {
            lines.append("Less than an hour of data: the baseline is not to be trusted yet, so little is reported.")
        }
        for anomaly in report.anomalies {
            lines.append("")
            lines.append("\(anomaly.ongoing ? "ONGOING " : "")\(anomaly.sentence(unit: report.unit))")
            lines.append(String(
                format: "  severity %.1f, confidence %.0f%%, %@ to %@ UTC", anomaly.severity, anomaly.confidence * 100,
                Self.clock(anomaly.start), Self.clock(anomaly.end)
            ))
            for share in anomaly.attribution.prefix(3) {
                lines.append(String(
                    format: "  %@: %.0f%% of the change (%.0f%% before)", Anomaly.describe(share.key), min(share.share, 1) * 100,
                    share.baselineShare * 100
                ))
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func clock(_ unixSeconds: Int64) -> String {
        Date(timeIntervalSince1970: Double(unixSeconds)).formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).dateTimeSeparator(.space))
    }
}
