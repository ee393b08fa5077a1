import ArgumentParser
import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore
import LoupeStoreSQLite

/// `loupe recommend`: what to change, with its evidence and what it saves.
struct RecommendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Recommend changes from the stored data: cheaper models, caching, token limits, retrieval, slow stages, scaling.",
        discussion: """
            Each recommendation says what to change and why, the numbers and example traces behind it, the
            monthly saving in USD or the latency it gains (at the current rate: the range's amounts scaled to
            30 days), and a confidence. Model usage comes from the rollups of the whole range; finish reasons,
            request limits, prompt hashes, retrieval scores and stage timings from its newest traces (--sample).

            Kinds: \(Recommendation.Kind.allCases.map(\.rawValue).joined(separator: ", ")).

            Examples:
              loupe recommend
              loupe recommend --since 24h --service support-rag
              loupe recommend --kind model_selection --kind prompt_cache
            """
    )

    @Option(help: "SQLite database file written by `loupe serve` or `loupe demo`, or a ClickHouse database (clickhouse://host:8123/db).")
    var db = "loupe.db"

    @Option(help: "The range to learn from: 1h, 24h, 7d…")
    var since = "7d"

    @Option(help: "Only this project.")
    var project: String?

    @Option(help: "Only this service.")
    var service: String?

    @Option(help: "Only this kind of recommendation (repeatable).")
    var kind: [String] = []

    @Option(help: "Newest traces read span by span (0 to 5000).")
    var sample = RecommendationQuery.defaultSampleTraces

    @OptionGroup var pricing: PriceCatalogOptions

    func run() async throws {
        let kinds = try kind.map { name in
            guard let kind = Recommendation.Kind(rawValue: name) else {
                throw ValidationError("unknown kind '\(name)'; use \(Recommendation.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return kind
        }
        guard (0...5_000).contains(sample) else { throw ValidationError("--sample must be from 0 to 5000") }
        let store = try await StoreOpener.open(db)
        let seconds = try StoreOpener.seconds(since)
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        let query = RecommendationQuery(
            range: .last(seconds: seconds, now: now), project: project, service: service, sampleTraces: sample, kinds: Set(kinds)
        )
        let report: RecommendationReport
        do {
            report = try await TelemetryAnalytics(store: store, prices: try pricing.catalog(), creditPriceUSD: pricing.creditPriceUsd).recommendations(query)
        } catch let error as AnalyticsError {
            throw ValidationError(error.description)
        }
        print(Self.render(report, since: since))
    }

    static func render(_ report: RecommendationReport, since: String) -> String {
        let count = report.recommendations.count
        var lines = [
            "\(count == 0 ? "No" : String(count)) recommendation\(count == 1 ? "" : "s") from the last \(since) "
                + "(\(report.observedText) of data, \(report.sampledTraces) traces sampled)"
                + (report.totalMonthlySavingUSD > 0 ? String(format: "; about $%.0f a month to save", report.totalMonthlySavingUSD) : ""),
        ]
        if report.observedSeconds < 3_600 && count > 0 {
            lines.append("Less than an hour of data: monthly savings are this hour's rate, not a month's pattern.")
        }
        for (index, r) in report.recommendations.enumerated() {
            var gain: [String] = []
            if let usd = r.monthlySavingUSD { gain.append(String(format: "saves ~$%.2f/month", usd)) }
            if let ms = r.latencyGainMs { gain.append(String(format: "~%.0f ms faster", ms)) }
            gain.append("confidence \(r.confidenceLevel) (\(Int((r.confidence * 100).rounded()))%)")
            lines.append("")
            lines.append("\(index + 1). [\(r.kind.rawValue)] \(r.action)")
            lines.append("   \(gain.joined(separator: ", "))")
            lines.append("   Why: \(r.reason)")
            for e in r.evidence { lines.append("   - \(e.label): \(e.value)") }
            if !r.exampleTraces.isEmpty { lines.append("   Traces: \(r.exampleTraces.joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n")
    }
}
