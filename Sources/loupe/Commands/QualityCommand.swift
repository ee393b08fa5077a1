import ArgumentParser
import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeDashboard

/// `loupe quality`: are the answers good, where, and do they get worse when requests are slow?
struct QualityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Scores (feedback, annotations, evaluations) by service and latency, and their correlation with latency and cost.",
        discussion: """
            Every numeric and yes-or-no score of the range's requests counts, on 0…1 where its scale is known (stars 1…5
            become 0…1; yes is 1). Correlations are Spearman's, with their p-values. Scores arrive through
            POST /api/v1/scores or as OpenTelemetry gen_ai.evaluation.result events on spans.
            """
    )

    @OptionGroup var store: StoreRangeOptions

    @Option(help: "Only this score name (user_satisfaction, relevance…).")
    var name: String?

    func run() async throws {
        let report = try await TelemetryAnalytics(store: try await store.open()).quality(try store.range(), project: store.project, name: name)
        print(Self.render(report, since: store.since))
    }

    static func render(_ r: QualityReport, since: String) -> String {
        guard !r.overall.isEmpty else { return "No numeric or yes-or-no score on the requests of the last \(since)." }
        var lines: [String] = []
        for score in r.overall {
            lines.append(String(format: "%@: mean %.3f over %d requests", score.name, score.mean, score.count))
            let views = [("service", r.byService), ("model", r.byModel), ("prompt version", r.byPromptVersion)]
                + r.byDimension.sorted { $0.key < $1.key } + [("latency", r.byLatency)]
            for (title, means) in views {
                let rows = means.filter { $0.name == score.name }.map { [$0.group, String($0.count), String(format: "%.3f", $0.mean)] }
                if !rows.isEmpty { lines += [TextTable.render([[title, "requests", "mean"]] + rows), ""] }
            }
            for c in r.correlations where c.name == score.name {
                lines.append(String(format: "against %@: Spearman rho %+.2f, p = %@", c.against, c.spearman.rho, ExperimentComparison.formatted(pValue: c.spearman.pValue)))
            }
            lines.append("")
        }
        if r.truncated { lines.append("Only the newest requests' \(r.overall.map(\.count).reduce(0, +)) scores were read.") }
        return lines.joined(separator: "\n")
    }
}
