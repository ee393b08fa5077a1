import ArgumentParser
import Foundation
import LoupeAlerts

struct AlertsCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check a rules file and print the rules and channels it puts in force."
    )

    @Argument(help: "The YAML or JSON rules file.")
    var file: String

    func run() throws {
        let set = try Self.load(file)
        print("\(set.rules.count) rules, \(set.channels.count) channels in \(file):")
        for rule in set.rules {
            let group = rule.groupBy.isEmpty ? "" : " per \(rule.groupBy.joined(separator: ", "))"
            print("  \(rule.enabled ? "on " : "off") \(rule.name): \(rule.condition) over \(rule.windowSeconds / 60) min\(group), for \(rule.forEvaluations)")
        }
        for channel in set.channels {
            print("  channel \(channel.name): \(channel.type.rawValue)\(channel.url.map { " \($0)" } ?? ""), from \(channel.minSeverity.rawValue)")
        }
    }

    static func load(_ path: String) throws -> AlertRuleSet {
        try TextFile.load(path) { try AlertRuleSet.load(text: $0) }
    }
}
