import ArgumentParser
import Foundation
import LoupeAnalytics

/// `loupe experiments list`.
struct ExperimentsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the experiments that ran in a range.")

    @OptionGroup var store: StoreRangeOptions

    func run() async throws {
        let range = try store.range()
        let experiments = try await TelemetryAnalytics(store: try await store.open()).experiments(range, project: store.project)
        guard !experiments.isEmpty else {
            print("No experiment in the last \(store.since). Spans join one through loupe.experiment and loupe.experiment.variant (see `loupe experiments --help`).")
            return
        }
        var rows = [["experiment", "requests", "variants", "last seen"]]
        for e in experiments {
            let variants = e.requests.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let last = Date(timeIntervalSince1970: Double(e.lastNanos) / 1e9).formatted(.iso8601)
            rows.append([e.name, String(e.totalRequests), variants, last])
        }
        print(TextTable.render(rows))
    }
}
