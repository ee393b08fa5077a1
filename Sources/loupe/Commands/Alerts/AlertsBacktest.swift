import ArgumentParser
import Foundation
import LoupeAlerts
import LoupeAnalytics
import LoupeCore

struct AlertsBacktest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Replay alert rules over stored history and print when they would have fired.",
        discussion: "Without --rules, the built-in rules are replayed. Evaluations are --step apart, as a server evaluating that often would have made them."
    )

    @Option(help: "The YAML or JSON rules file (the built-in rules when absent).")
    var rules: String?

    @Option(help: "How far back to replay.")
    var since = "24h"

    @Option(help: "Time between evaluations (default: the range / 300, at least 1m).")
    var step: String?

    @Option(help: "Only the rule of this name.")
    var rule: String?

    @Option(help: "SQLite database file.")
    var db = "loupe.db"

    @OptionGroup var pricing: PriceCatalogOptions

    func run() async throws {
        let seconds = try StoreOpener.seconds(since)
        var set = try rules.map(AlertsCheck.load) ?? AlertRuleSet()
        if let rule {
            set.rules = set.rules.filter { $0.name == rule }
            guard !set.rules.isEmpty else { throw CommandFailure("no rule named '\(rule)' in \(rules ?? "the built-in rules")") }
        }
        let stepSeconds = try step.map { try StoreOpener.seconds($0, option: "--step") } ?? max(60, seconds / 300 / 60 * 60)
        let store = try await StoreOpener.open(db)
        let now = Int64(Date().timeIntervalSince1970) / 60 * 60 * 1_000_000_000
        let from = now - seconds * 1_000_000_000
        let analytics = TelemetryAnalytics(store: store, prices: try pricing.catalog())
        let total = AlertBacktest.evaluationTimes(fromNanos: from, toNanos: now, stepNanos: stepSeconds * 1_000_000_000).count
        FileHandle.standardError.write(Data("Replaying \(set.rules.filter(\.enabled).count) rules over \(since): \(total) evaluations, \(stepSeconds / 60) min apart…\n".utf8))
        let firings = try await AlertBacktest(analytics: analytics).run(
            rules: set.rules, fromNanos: from, toNanos: now, stepNanos: stepSeconds * 1_000_000_000
        ) { done, total in
            if done % max(1, total / 10) == 0 { FileHandle.standardError.write(Data("  \(done)/\(total)\n".utf8)) }
        }
        guard !firings.isEmpty else {
            print("No rule would have fired in the last \(since).")
            return
        }
        var rows: [[String]] = [["rule", "group", "fired (UTC)", "resolved (UTC)", "lasted", "severity", "worst"]]
        for f in firings {
            let group = f.key.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            let lasted = f.resolvedNanos.map { Self.duration(($0 - f.firedNanos) / 1_000_000_000) } ?? "still firing"
            rows.append([f.rule, group.isEmpty ? "(all)" : group, Self.time(f.firedNanos), f.resolvedNanos.map(Self.time) ?? "–", lasted,
                         f.severity.rawValue, String(f.worstDetail.prefix(70))])
        }
        print(TextTable.render(rows))
        print("\(firings.count) firing periods; each would have sent one firing and one resolved notification.")
    }

    static func time(_ nanos: Int64) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: Double(nanos) / 1e9))
    }

    static func duration(_ seconds: Int64) -> String {
        seconds >= 3_600 ? "\(seconds / 3_600) h \(seconds % 3_600 / 60) min" : "\(seconds / 60) min"
    }
}
