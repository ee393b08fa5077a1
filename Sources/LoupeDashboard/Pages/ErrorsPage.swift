import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Failure categories with their remediation, then their failure modes (fingerprints) with counts,
/// first and last seen, where they happen and example traces; `fingerprint=` focuses on one.
struct ErrorsPage {
    static let parameters: Set<String> = ["fingerprint"]
    /// Bars at most in a failure mode's sparkline.
    static let sparkBars = 24

    let context: PageContext

    func render() async throws -> RenderedPage {
        let query = context.query
        let focus = query.parameters["fingerprint"]
        let step = query.stepSeconds()
        // One trend slice per chart step: the chart and the sparklines count the same root causes.
        let slices = max(1, Int((query.range.toNanos - query.range.fromNanos + step * 1_000_000_000 - 1) / (step * 1_000_000_000)))
        let report = try await context.analytics.errors(ErrorsQuery(range: query.range, filters: query.filters, trendBuckets: slices))
        let chart = chart(report, slices: slices, step: step)
        let categories = report.groups.compactMap { group -> ErrorsView.Category? in
            let modes = group.fingerprints.filter { focus == nil || $0.fingerprint == focus }.map(mode)
            guard !modes.isEmpty else { return nil }
            return ErrorsView.Category(
                name: group.category.rawValue, title: group.category.title, count: modes.reduce(0) { $0 + $1.count },
                remediation: group.category.remediation.summary, steps: group.category.remediation.steps, modes: modes
            )
        }
        if let focus, categories.isEmpty {
            throw DashboardError.notFound("No failure mode \(focus) in this range. Widen the range, or see all errors.")
        }
        let view = ErrorsView(
            chart: chart.render(), totalErrors: report.totalErrors, rootCauses: report.rootCauses, categories: categories,
            hasErrors: report.totalErrors > 0, focused: focus != nil, allHref: query.link("/ui/errors", ["fingerprint": nil]),
            truncated: report.truncated,
            failuresWithoutSpans: report.totalErrors == 0 ? try await context.failuresWithoutSpans(unit: .calls) ?? "" : ""
        )
        return RenderedPage(title: "Errors", content: context.templates.render(view, "errors"))
    }

    /// Root-cause failures per step by category, from the failure modes' trends: a failure that
    /// propagated up its trace shows once, in its own category, as the tables below count it.
    private func chart(_ report: ErrorsReport, slices: Int, step: Int64) -> TimeChart {
        var byCategory: [String: [Double]] = [:]
        for group in report.groups {
            for mode in group.fingerprints where mode.trend.count == slices {
                var values = byCategory[group.category.rawValue, default: Array(repeating: 0, count: slices)]
                for (i, n) in mode.trend.enumerated() { values[i] += Double(n) }
                byCategory[group.category.rawValue] = values
            }
        }
        let first = context.query.range.fromNanos / 1_000_000_000
        return TimeChart(
            title: "Failures per \(OverviewPage.stepText(step)), by category (root causes)", format: .count,
            times: (0..<slices).map { first + Int64($0) * step }, stepSeconds: step,
            series: byCategory.map { TimeChart.Series(name: $0.key, values: $0.value.map { $0 }) }.sorted { $0.name < $1.name },
            wide: true, dataEnd: context.query.range.toNanos / 1_000_000_000
        )
    }

    /// Sums neighbouring slices so a sparkline has at most `bars` bars.
    static func fold(_ values: [Int], into bars: Int) -> [Int] {
        guard values.count > bars else { return values }
        let per = (values.count + bars - 1) / bars
        return stride(from: 0, to: values.count, by: per).map { values[$0..<min($0 + per, values.count)].reduce(0, +) }
    }

    private func mode(_ group: ErrorFingerprintGroup) -> ErrorsView.Mode {
        let query = context.query
        func top(_ counts: [String: Int]) -> String {
            counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(4).map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        }
        let first = group.firstSeenNanos / 1_000_000_000
        let last = group.lastSeenNanos / 1_000_000_000
        return ErrorsView.Mode(
            fingerprint: group.fingerprint, href: query.link("/ui/errors", ["fingerprint": group.fingerprint]),
            message: group.sampleMessage.map { String($0.prefix(300)) } ?? "(no message)", errorType: group.errorType ?? "",
            count: group.count, firstSeen: DisplayFormat.utcTime(first, withDate: true), firstSeenISO: DisplayFormat.iso(first),
            lastSeen: DisplayFormat.utcTime(last, withDate: true), lastSeenISO: DisplayFormat.iso(last),
            models: group.models.isEmpty ? nil : top(group.models), services: top(group.services), users: group.users.isEmpty ? nil : top(group.users),
            trend: Sparkline(values: Self.fold(group.trend, into: Self.sparkBars), noun: "failures").render(),
            examples: group.exampleTraceIds.map { id in
                ErrorsView.Example(label: String(id.prefix(8)), href: query.link(to: "/ui/traces/\(id)"))
            },
            focused: query.parameters["fingerprint"] == group.fingerprint
        )
    }
}
