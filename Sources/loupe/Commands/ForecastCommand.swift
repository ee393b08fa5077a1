import ArgumentParser
import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore
import LoupeStoreSQLite

/// `loupe forecast`: cost, tokens or requests ahead, per hour or per day, with a 95% interval.
struct ForecastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast cost, tokens or requests per hour or day, with 95% intervals and the method's error on recent history.",
        discussion: """
            Additive Holt-Winters with a weekly cycle (a daily one with less than two weeks of history), fitted
            to the stored history. The backtest line says how far off the same method was on the last cycle
            when it had not seen it.

            Examples:
              loupe forecast --metric cost_usd --horizon 7d
              loupe forecast --metric tokens --horizon 30d --step 1d --group-by model
            """
    )

    @Option(help: "SQLite database file written by `loupe serve` or `loupe demo`, or a ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    @Option(help: "What to forecast: \(ForecastMetric.allCases.map(\.rawValue).joined(separator: ", ")).")
    var metric = ForecastMetric.costUSD.rawValue

    @Option(help: "How far ahead: 1d, 7d, 30d… (at most 90d).")
    var horizon = "7d"

    @Option(help: "Step: 1h or 1d. Default: 1h up to 14 days ahead, 1d beyond.")
    var step: String?

    @Option(help: "One forecast per value of this dimension (model, service, provider…), its largest values only.")
    var groupBy: String?

    @Option(help: "History learnt from.")
    var lookback = "28d"

    func run() async throws {
        guard let metric = ForecastMetric(rawValue: metric) else {
            throw ValidationError("unknown metric '\(metric)'; use \(ForecastMetric.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let horizonSeconds = try StoreOpener.seconds(horizon, option: "--horizon")
        guard horizonSeconds >= 3_600, horizonSeconds <= 90 * 86_400 else { throw ValidationError("--horizon must be from 1h to 90d") }
        guard let stepSeconds = ForecastQuery.stepSeconds(step, horizonSeconds: horizonSeconds) else {
            throw ValidationError("--step '\(step ?? "")' is not 1h or 1d")
        }
        if let groupBy, groupBy.isEmpty || groupBy.contains(",") { throw ValidationError("--group-by takes one dimension") }
        let store = try await StoreOpener.open(db)
        let query = ForecastQuery(
            metric: metric, horizonSeconds: horizonSeconds, stepSeconds: stepSeconds, groupBy: groupBy.map(TelemetryDimension.init),
            lookbackSeconds: try StoreOpener.seconds(lookback, option: "--lookback"), nowNanos: Int64(Date().timeIntervalSince1970 * 1e9)
        )
        let report: ForecastReport
        do {
            report = try await TelemetryAnalytics(store: store).forecast(query)
        } catch let error as AnalyticsError {
            throw ValidationError(error.description)
        }
        print(Self.render(report, horizon: horizon))
    }

    static func render(_ report: ForecastReport, horizon: String) -> String {
        let metric = report.query.metric
        func amount(_ value: Double) -> String {
            metric == .costUSD ? String(format: "$%.2f", value) : String(format: "%.0f", value)
        }
        guard !report.series.isEmpty else { return "Nothing stored to forecast \(metric.rawValue) from." }
        var lines: [String] = []
        let stepName = report.query.stepSeconds >= 86_400 ? "day" : "hour"
        for series in report.series {
            let name = series.key.isEmpty ? "total" : Anomaly.describe(series.key)
            guard let forecast = series.forecast, let total = series.horizonTotal else {
                lines.append("\(name): \(series.historySteps) \(stepName)s of history, too few to forecast (two seasonal cycles needed)")
                continue
            }
            let peak = series.points.max { $0.mean < $1.mean }
            lines.append("\(name): \(metric.rawValue) over the next \(horizon) ≈ \(amount(total)) (\(series.historySteps) \(stepName)s of history: \(amount(series.historyTotal)))")
            if let peak {
                let time = Date(timeIntervalSince1970: Double(peak.time)).formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false))
                lines.append("  busiest \(stepName): \(time) at \(amount(peak.mean)) (95%: \(amount(peak.lower))–\(amount(peak.upper)))")
            }
            lines.append("  method: \(forecast.method)")
            if let mape = forecast.backtestMAPE {
                lines.append(String(format: "  backtest: %.1f%% mean absolute error on the last %d %@s, forecast without them", mape * 100, forecast.backtestPoints, stepName))
            }
        }
        return lines.joined(separator: "\n")
    }
}
