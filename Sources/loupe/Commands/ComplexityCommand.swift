import ArgumentParser
import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeDashboard
import LoupeStore

/// `loupe complexity`: how much work a request takes, and whether it is growing.
struct ComplexityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complexity",
        abstract: "Query complexity over time: LLM calls, tool calls, retrievals and input tokens per request, as a score with its trend.",
        discussion: """
            The score is LLM calls + tool calls + retrievals + input tokens / 1,000, per request. The trend is the
            least-squares line through the steps' scores (an hour each up to two days, a day beyond), with the
            p-value of its slope.
            """
    )

    @OptionGroup var store: StoreRangeOptions

    @Option(help: "Only this service.")
    var service: String?

    @Option(help: "Step length: 1h, 1d… (default: 1h up to two days, 1d beyond).")
    var step: String?

    func run() async throws {
        var filters: [TelemetryDimension: String] = [:]
        filters[.project] = store.project
        filters[.service] = service
        let seconds = try step.map { text -> Int64 in
            let seconds = try StoreOpener.seconds(text, option: "--step")
            guard seconds >= 60, seconds % 60 == 0 else { throw ValidationError("--step must be a whole number of minutes, such as 1h or 1d") }
            return seconds
        }
        let report: ComplexityReport
        do {
            report = try await TelemetryAnalytics(store: try await store.open()).complexity(try store.range(), stepSeconds: seconds, filters: filters)
        } catch let error as AnalyticsError {
            throw ValidationError(error.description)
        }
        print(Self.render(report, since: store.since))
    }

    static func render(_ r: ComplexityReport, since: String) -> String {
        guard let overall = r.overall else { return "No request in the last \(since)." }
        var lines = [String(
            format: "Query complexity, last %@: %.2f per request (%.2f LLM calls, %.2f tool calls, %.2f retrievals, %.0f input tokens)",
            since, overall.score, overall.llmCalls, overall.toolCalls, overall.retrievals, overall.inputTokens
        )]
        if let trend = r.trend, let change = r.relativeChange {
            lines.append(String(format: "Trend: %+.3f a day (%+.0f%% over the range), p = %@", trend.slope, change * 100, ExperimentComparison.formatted(pValue: trend.pValue)))
        }
        var rows = [["step", "requests", "llm", "tools", "retrievals", "input tokens", "score"]]
        for p in r.points.suffix(48) {
            rows.append([
                DisplayFormat.iso(p.minute * 60), String(p.requests), String(format: "%.2f", p.llmCalls), String(format: "%.2f", p.toolCalls),
                String(format: "%.2f", p.retrievals), String(format: "%.0f", p.inputTokens), String(format: "%.2f", p.score),
            ])
        }
        lines += ["", TextTable.render(rows)]
        return lines.joined(separator: "\n")
    }
}
