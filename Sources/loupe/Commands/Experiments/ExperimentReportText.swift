import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// An experiment report as text for a terminal.
enum ExperimentReportText {
    static func render(_ report: ExperimentReport, since: String) -> String {
        let scoreNames = Set(report.variants.flatMap { $0.scores.keys }).sorted()
        var rows = [["variant", "requests", "units", "success", "errors", "p50 ms", "p95 ms", "cost/req $"] + scoreNames]
        for v in report.variants {
            rows.append([
                v.variant, String(v.requests), String(v.units), percent(v.successRate), percent(v.errorRate),
                String(format: "%.0f", v.latencyP50Ms), String(format: "%.0f", v.latencyP95Ms), String(format: "%.5f", v.costPerRequestUSD),
            ] + scoreNames.map { name in v.scores[name].map { String(format: "%.3f", $0.mean) } ?? "-" })
        }
        let split = report.split.sorted { $0.key < $1.key }.map { "\($0.key) \(format($0.value))" }.joined(separator: " : ")
        let title = report.isObservational
            ? "Comparison of \(report.name), last \(since) (baseline: \(report.control); observational, not randomised)"
            : "Experiment \(report.name), last \(since) (control: \(report.control); intended split \(split))"
        var lines = [title, "", TextTable.render(rows)]
        if report.truncated { lines.append("Latency figures are of each variant's newest \(ExperimentArmQuery.maxLatencies) requests; the rest count them all.") }
        for c in report.comparisons {
            lines += ["", "\(c.treatment) against \(c.control)"]
            if let s = c.successRate { lines.append(rate("success rate", s)) }
            if let e = c.errorRate { lines.append(rate("error rate", e)) }
            if let l = c.latencyMs { lines.append(mean("latency ms", l, digits: 0)) }
            if let cost = c.costPerRequestUSD { lines.append(mean("cost/request $", cost, digits: 5)) }
            for (name, score) in c.scores.sorted(by: { $0.key < $1.key }) { lines.append(mean(name, score, digits: 3)) }
            if let power = c.power {
                let observed = power.power.map { String(format: "%.0f%% for the observed difference; ", $0 * 100) } ?? ""
                lines.append(label("power") + observed + "detectable now: ±" + String(format: "%.1f pts", power.minimumDetectableEffect * 100))
            }
            lines.append(label("verdict") + "\(c.verdict.decision.rawValue): \(c.verdict.reason)")
        }
        if let srm = report.sampleRatio {
            lines += ["", String(format: "Sample ratio: chi-square %.2f, %@ (%@)", srm.statistic, ExperimentComparison.pText(srm.pValue), srm.isMismatch ? "MISMATCH" : "as intended")]
        }
        lines += ["", "Recommendation: \(report.recommendation.reason)"]
        return lines.joined(separator: "\n")
    }

    private static func label(_ text: String) -> String { "  " + text.padding(toLength: 18, withPad: " ", startingAt: 0) }

    private static func rate(_ name: String, _ r: RateComparison) -> String {
        label(name) + String(format: "%+.1f pts (%+.1f to %+.1f), %@ (%@)", r.difference * 100, r.lower * 100, r.upper * 100, ExperimentComparison.pText(r.pValue), r.test == .fisher ? "Fisher's exact" : "two-proportion z")
    }

    private static func mean(_ name: String, _ m: MeanComparison, digits: Int) -> String {
        let f = "%+.\(digits)f"
        var text = label(name) + String(format: "\(f) (\(f) to \(f)), Welch %@", m.difference, m.lower, m.upper, ExperimentComparison.pText(m.pValue))
        if let rank = m.rankPValue { text += ", Mann-Whitney \(ExperimentComparison.pText(rank))" }
        return text
    }

    private static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    private static func format(_ weight: Double) -> String { weight == weight.rounded() ? String(Int(weight)) : String(weight) }
}
