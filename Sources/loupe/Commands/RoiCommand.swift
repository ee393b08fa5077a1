import ArgumentParser
import Foundation
import LoupeAlerts
import LoupeAnalytics

/// `loupe roi`: is it worth the money, per business unit?
struct RoiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roi",
        abstract: "Value against cost by business unit: net ROI, cost per successful request, minutes saved.",
        discussion: """
            A request is successful when none of its spans failed and no user gave it negative feedback. Its
            value comes from --values (a YAML or JSON file):

              by: business_unit
              default: {value_per_success_usd: 0.50, minutes_saved: 2}
              units:
                support: {value_per_success_usd: 1.20, minutes_saved: 6}
                sales: {minutes_saved: 10}      # valued at hourly_rate_usd
              hourly_rate_usd: 60

            Without it, ROI shows cost per successful request and success rates, and no value. Costs are the
            priced cost of the requests' model calls; calls of models without a price are counted and named.

            Examples:
              loupe roi --values roi.yaml --since 30d
            """
    )

    @OptionGroup var store: StoreRangeOptions

    @Option(help: ArgumentHelp("A YAML or JSON file of what a successful request is worth per unit.", valueName: "file"))
    var values: String?

    @Option(help: "Business dimensions recorded at ingest, comma-separated.")
    var dimensions = "business_unit,query_category"

    func run() async throws {
        let worth = try values.map { try Self.load($0, dimensions: dimensions.split(separator: ",").map(String.init)) } ?? RoiValues()
        let report = try await TelemetryAnalytics(store: try await store.open()).roi(try store.range(), values: worth, project: store.project)
        print(Self.render(report, since: store.since))
    }

    static func load(_ path: String, dimensions: [String]) throws -> RoiValues {
        try TextFile.load(path) { try RoiValuesFile.load(text: $0, dimensions: dimensions) }
    }

    static func render(_ r: RoiReport, since: String) -> String {
        guard r.total.requests > 0 else { return "No request of the last \(since) records a \(r.values.by)." }
        func money(_ value: Double?) -> String { value.map { String(format: "$%.2f", $0) } ?? "-" }
        var rows = [[r.values.by, "requests", "success", "cost", "value", "net", "ROI", "cost/success", "hours saved"]]
        for line in r.units + [r.total] {
            rows.append([
                line.unit.isEmpty ? "(none)" : line.unit, String(line.requests), line.successRate.map { String(format: "%.1f%%", $0 * 100) } ?? "-",
                money(line.costUSD), money(line.valueUSD), money(line.netUSD), line.roi.map { String(format: "%.0f%%", $0 * 100) } ?? "-",
                line.costPerSuccessUSD.map { String(format: "$%.4f", $0) } ?? "-", line.minutesSaved.map { String(format: "%.1f", $0 / 60) } ?? "-",
            ])
        }
        var lines = ["ROI by \(r.values.by), last \(since)", "", TextTable.render(rows)]
        if r.total.valueUSD == nil { lines += ["", "No value per successful request is configured: pass --values FILE (see --help)."] }
        if r.unpricedCalls > 0 {
            lines += ["", "\(r.unpricedCalls) model calls have no price and count $0 here: `loupe prices unpriced` names them."]
        }
        return lines.joined(separator: "\n")
    }
}
