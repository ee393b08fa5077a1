import Foundation
import LoupeAnalytics
import LoupeStore

/// Renders a summary report as an aligned text table.
struct ReportTable {
    let report: SummaryReport

    func render() -> String {
        let names = report.query.groupBy.map(\.name)
        let header = (names.isEmpty ? ["all"] : names) + ["requests", "errors", "err %", "in tok", "out tok", "cost $", "p50 ms", "p95 ms", "p99 ms"]
        var rows = report.groups.map { group in
            (names.isEmpty ? ["all"] : names.map { group.key[$0].flatMap { $0.isEmpty ? "-" : $0 } ?? "-" }) + cells(group)
        }
        if !names.isEmpty { rows.append(Array(repeating: "", count: names.count - 1) + ["total"] + cells(report.totals)) }
        if report.groups.isEmpty { return "No spans stored in this range." }
        var out = [TextTable.render([header] + rows)]
        let unpriced = report.totals.measures.unpricedCalls
        if unpriced > 0 { out.append("\n\(unpriced) model calls have no price; their cost is not included.") }
        return out.joined(separator: "\n")
    }

    private func cells(_ g: SummaryGroup) -> [String] {
        let m = g.measures
        func ms(_ q: Double) -> String { g.latencyMs(q).map { String(format: "%.0f", $0) } ?? "-" }
        return [
            "\(m.requests)", "\(m.errors)", String(format: "%.1f", g.errorRate * 100), "\(m.inputTokens)", "\(m.outputTokens)",
            String(format: "%.4f", m.costUSD), ms(0.5), ms(0.95), ms(0.99),
        ]
    }
}
