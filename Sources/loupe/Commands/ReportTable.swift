import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Renders a summary report as an aligned text table, counting in the unit that fits its grouping.
struct ReportTable {
    let report: SummaryReport

    func render() -> String {
        if report.groups.isEmpty { return "No spans stored in this range." }
        let names = report.query.groupBy.map(\.name)
        let unit = report.unit
        let header = (names.isEmpty ? ["all"] : names) + [unit.rawValue, "errors", "err %"]
            + (unit == .requests ? ["calls", "w/ failed call"] : []) + ["in tok", "out tok", "cost $", "p50 ms", "p95 ms", "p99 ms"]
        var rows = report.groups.map { group in
            (names.isEmpty ? ["all"] : names.map { group.key[$0].flatMap { $0.isEmpty ? "(none)" : $0 } ?? "(none)" }) + cells(group)
        }
        if !names.isEmpty { rows.append(Array(repeating: "", count: names.count - 1) + ["total"] + cells(report.totals)) }
        var out = [TextTable.render([header] + rows)]
        out.append("\n" + Self.unitNote(unit))
        let usage = report.totals.measures.spans
        if usage.unpricedCalls > 0 {
            out.append("\(usage.unpricedCalls) model calls have no price; cost $ is of the \(usage.pricedCalls) priced calls, and '-' where none is priced.")
        }
        return out.joined(separator: "\n")
    }

    static func unitNote(_ unit: CountUnit) -> String {
        switch unit {
        case .requests:
            return """
                requests: entry spans (a trace's root, or a span called from another service); errors and latency are theirs.
                w/ failed call: requests in which at least one model call failed, recovered by a retry or fallback or not.
                """
        case .calls: return "calls: model calls; errors and latency are theirs. Spans that call no model (retrieval, chain, tool) have no row here."
        case .spans: return "spans: every span of the operation."
        }
    }

    /// A rate as a percentage with one decimal, '-' when there is none.
    static func percent(_ rate: Double?) -> String {
        rate.map { String(format: "%.1f", $0 * 100) } ?? "-"
    }

    private func failedCalls(_ g: SummaryGroup) -> String {
        guard let count = g.requestsWithFailedCall else { return "-" }
        return g.failedCallShare.map { String(format: "%d (%.1f%%)", count, $0 * 100) } ?? "\(count)"
    }

    private func cells(_ g: SummaryGroup) -> [String] {
        let m = g.measures[report.unit]
        let usage = g.measures.spans
        func ms(_ q: Double) -> String { m.latency.quantile(q).map { String(format: "%.0f", $0) } ?? "-" }
        return ["\(m.count)", "\(m.errors)", Self.percent(m.errorRate)]
            + (report.unit == .requests ? ["\(g.measures.calls.count)", failedCalls(g)] : [])
            + [
                "\(usage.inputTokens)", "\(usage.outputTokens)", usage.knownCostUSD.map { String(format: "%.4f", $0) } ?? "-",
                ms(0.5), ms(0.95), ms(0.99),
            ]
    }
}
