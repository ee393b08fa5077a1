import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// `loupe status`: one row per service in requests, with the change against the window before.
struct StatusTable {
    let current: SummaryReport
    let previous: SummaryReport
    let windowSeconds: Int64
    let windowText: String

    func render() -> String {
        let services = current.groups.filter { $0.measures.requests.count > 0 }
        guard !services.isEmpty else { return "No requests in the last \(windowText)." }
        let before = Dictionary(previous.groups.map { ($0.key["service"] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let header = ["service", "req/min", "vs before", "err %", "w/ failed call", "p95 ms", "calls", "call err %", "cost $"]
        var rows = services.map { row(name: $0.key["service"] ?? "", $0, before: before[$0.key["service"] ?? ""]) }
        if services.count > 1 { rows.append(row(name: "all", current.totals, before: previous.totals)) }
        return [
            "Last \(windowText), against the \(windowText) before. Counted in requests (entry spans); calls are model calls.",
            TextTable.render([header] + rows),
        ].joined(separator: "\n")
    }

    private func row(name: String, _ g: SummaryGroup, before: SummaryGroup?) -> [String] {
        let requests = g.measures.requests
        let calls = g.measures.calls
        let perMinute = Double(requests.count) * 60 / Double(windowSeconds)
        return [
            name, String(format: "%.1f", perMinute), change(Double(requests.count), before.map { Double($0.measures.requests.count) }),
            ReportTable.percent(requests.errorRate), g.failedCallShare.map { ReportTable.percent($0) } ?? "-",
            requests.latency.quantile(0.95).map { String(format: "%.0f", $0) } ?? "-", "\(calls.count)",
            ReportTable.percent(calls.errorRate), g.measures.spans.knownCostUSD.map { String(format: "%.4f", $0) } ?? "-",
        ]
    }

    private func change(_ now: Double, _ then: Double?) -> String {
        guard let then, then > 0 else { return "new" }
        return String(format: "%+.0f%%", (now - then) / then * 100)
    }
}
