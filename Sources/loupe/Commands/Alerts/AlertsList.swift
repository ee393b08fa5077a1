import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

struct AlertsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the pending, firing and recently resolved alerts of a running server."
    )

    @Option(help: "The running Loupe server's address.")
    var server = "http://127.0.0.1:4318"

    func run() async throws {
        let body = try await ServerClient(server: server).send("GET", "/api/v1/alerts")
        let alerts = body["alerts"] as? [[String: Any]] ?? []
        guard !alerts.isEmpty else {
            print("No alerts: every rule is within bounds.")
            return
        }
        var rows = [["id", "status", "severity", "rule", "group", "since", "detail"]]
        for a in alerts {
            let key = (a["key"] as? [String: String] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            var status = a["status"] as? String ?? ""
            if let by = a["acknowledged_by"] as? String { status += " (ack: \(by))" }
            if let until = a["silenced_until"] as? String { status += " (silenced until \(until))" }
            rows.append([a["id"] as? String ?? "", status, a["severity"] as? String ?? "", a["rule"] as? String ?? "", key.isEmpty ? "(all)" : key,
                         a["started_at"] as? String ?? "", String((a["detail"] as? String ?? "").prefix(70))])
        }
        print(TextTable.render(rows))
        if let failing = body["failing_rules"] as? [String: String], !failing.isEmpty {
            for (rule, reason) in failing.sorted(by: { $0.key < $1.key }) { print("rule \(rule) could not be evaluated: \(reason)") }
        }
    }
}

struct AlertsAct: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "act", abstract: "Acknowledge, silence or resolve an alert of a running server.",
        discussion: "Examples: `loupe alerts act ack 3f2a… --by ana`, `loupe alerts act silence 3f2a… --for 2h`, `loupe alerts act resolve 3f2a…`."
    )

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case ack, silence, resolve
    }

    @Argument(help: "ack, silence or resolve.")
    var action: Action

    @Argument(help: "The alert's id (see `loupe alerts list`).")
    var id: String

    @Option(help: "Who acknowledges.")
    var by = ProcessInfo.processInfo.environment["USER"] ?? "cli"

    @Option(name: .customLong("for"), help: "How long to silence (e.g. 2h).")
    var duration = "1h"

    @Option(help: "The running Loupe server's address.")
    var server = "http://127.0.0.1:4318"

    func run() async throws {
        let body: [String: String] = action == .silence ? ["until": duration] : ["by": by]
        let answer = try await ServerClient(server: server).send("POST", "/api/v1/alerts/\(id)/\(action.rawValue)", body: body)
        print("\(answer["rule"] as? String ?? "alert") \(id): \(answer["status"] as? String ?? "")"
              + ((answer["silenced_until"] as? String).map { ", silenced until \($0)" } ?? "")
              + ((answer["acknowledged_by"] as? String).map { ", acknowledged by \($0)" } ?? ""))
    }
}
