import ArgumentParser
import Foundation
import LoupeAnalytics
import LoupeCore

/// `loupe experiments report NAME`.
struct ExperimentsReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compare an experiment's variants and say what to do: ship, keep, or keep running.",
        discussion: """
            Per variant: requests, units (distinct users, else sessions), success rate (no failed span and no
            negative user feedback), error rate, latency, cost per request and mean scores. Each treatment
            against the control: differences with confidence intervals; a two-proportion z-test (Fisher's exact
            test on small counts) for rates, Welch's t-test for means and Mann-Whitney for latency; the power
            of the sample; and a sample-ratio-mismatch check against --split.

            Examples:
              loupe experiments report answer-prompt
              loupe experiments report answer-prompt --split control:9,v2:1 --since 14d
            """
    )

    @Argument(help: "The experiment's name.")
    var name: String

    @OptionGroup var store: StoreRangeOptions

    @Option(help: "The variant the others are compared with (default: control, baseline, a, or the first name).")
    var control: String?

    @Option(help: "The intended split, as variant:weight pairs (control:9,v2:1); an even split by default.")
    var split: String?

    @Option(help: "The significance level.")
    var alpha = 0.05

    func run() async throws {
        guard ExperimentQuery.isValidAlpha(alpha) else { throw ValidationError("--alpha must be between 0 and 0.5") }
        let shares = try Self.split(split)
        let range = try store.range()
        let query = ExperimentQuery(name: name, range: range, project: store.project, control: control, split: shares, alpha: alpha)
        guard let report = try await TelemetryAnalytics(store: try await store.open()).experimentReport(query) else {
            throw CommandFailure("no request of experiment '\(name)' in the last \(store.since): `loupe experiments list` shows the names")
        }
        print(ExperimentReportText.render(report, since: store.since))
    }

    static func split(_ text: String?) throws -> [String: Double] {
        guard let text else { return [:] }
        do {
            return try ExperimentQuery.split(parsing: text)
        } catch {
            throw ValidationError("--\(error.description)")
        }
    }
}
