import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Failure categories with their remediation, then their failure modes (fingerprints) with counts,
/// first and last seen, where they happen and example traces; `fingerprint=` focuses on one.
struct ErrorsPage {
    static let parameters: Set<String> = ["fingerprint"]

    let context: PageContext

    func render() async throws -> RenderedPage {
        let query = context.query
        let focus = query.parameters["fingerprint"]
        let step = query.stepSeconds()
        async let reportRead = context.analytics.errors(ErrorsQuery(range: query.range, filters: query.filters))
        async let bucketsRead = context.analytics.buckets(query.range, stepSeconds: step, groupBy: [.errorCategory], filters: query.filters)
        let (report, buckets) = try await (reportRead, bucketsRead)
        let series = buckets.groups.compactMap { key, steps -> TimeChart.Series? in
            guard let category = key.first, !category.isEmpty else { return nil }
            return .init(name: category, values: steps.map { Double($0.spans.errors) })
        }.sorted { $0.name < $1.name }
        let chart = TimeChart(
            title: "Failed spans per \(OverviewPage.stepText(step)), by category", format: .count,
            times: (0..<buckets.stepCount).map(buckets.time(ofStep:)), stepSeconds: step, series: series, wide: true
        )
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
            truncated: report.truncated
        )
        return RenderedPage(title: "Errors", content: context.templates.render(view, "errors"))
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
            models: top(group.models), services: top(group.services),
            examples: group.exampleTraceIds.map { id in
                ErrorsView.Example(label: String(id.prefix(8)), href: query.link(to: "/ui/traces/\(id)"))
            },
            focused: query.parameters["fingerprint"] == group.fingerprint
        )
    }
}
