import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Seed 000's optimisation recommendations: what to change, largest saving first, each with why,
/// the numbers and example traces behind it, and what it saves a month or how much faster it makes
/// requests. Follows the range picker; filtered by project and service only (a recommendation is
/// about a model or stage across the service, not about one user).
struct RecommendationsPage {
    static let parameters: Set<String> = ["kind"]

    let context: PageContext

    func render() async throws -> RenderedPage {
        let query = context.query
        let kind = try query.parameters["kind"].map { name in
            guard let kind = Recommendation.Kind(rawValue: name) else {
                throw DashboardError.badParameter("kind", "must be one of \(Recommendation.Kind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
            }
            return kind
        }
        let report = try await context.analytics.recommendations(RecommendationQuery(
            range: query.range, project: query.filters[.project], service: query.filters[.service], kinds: kind.map { [$0] } ?? []
        ))
        let all = kind == nil ? report : nil
        let ignored = query.filters.keys.filter { ![.project, .service].contains($0) }.map(\.name).sorted()
        let view = RecommendationsView(
            basis: Self.basis(report), total: DisplayFormat.dollars(report.totalMonthlySavingUSD), count: report.recommendations.count,
            faster: report.recommendations.count { $0.latencyGainMs != nil },
            kinds: [RecommendationsView.Chip(label: "all", href: query.link(DashboardSection.recommendations.path, ["kind": nil]), active: kind == nil)]
                + Recommendation.Kind.allCases.compactMap { k in
                    let n = all?.recommendations.count { $0.kind == k }
                    guard kind == k || (n ?? 0) > 0 else { return nil }
                    return RecommendationsView.Chip(
                        label: k.rawValue.replacingOccurrences(of: "_", with: " ") + (n.map { " (\($0))" } ?? ""),
                        href: query.link(DashboardSection.recommendations.path, ["kind": k.rawValue]), active: kind == k
                    )
                },
            items: report.recommendations.map(item), hasItems: !report.recommendations.isEmpty,
            young: report.observedSeconds < 3_600 && !report.recommendations.isEmpty,
            ignoredFilters: ignored.isEmpty ? nil : ignored.joined(separator: ", "),
            hasData: report.observedSeconds > 0
        )
        return RenderedPage(title: "Recommendations", content: context.templates.render(view, "recommendations"), live: false)
    }

    static func basis(_ report: RecommendationReport) -> String {
        guard report.observedSeconds > 0 else { return "No data in this range." }
        return "From \(report.observedText) of data in this range and its newest \(report.sampledTraces) traces; "
            + "savings are that rate over 30 days."
    }

    /// Eight characters that tell traces apart: the start of a random id, the end of a counter's.
    static func shortId(_ id: String) -> String {
        id.prefix(8).allSatisfy { $0 == "0" } ? "…" + id.suffix(8) : String(id.prefix(8))
    }

    private func item(_ r: Recommendation) -> RecommendationsView.Item {
        RecommendationsView.Item(
            kind: r.kind.rawValue, area: r.kind.area, action: r.action, reason: r.reason,
            saving: r.monthlySavingUSD.map { DisplayFormat.dollars($0) }, latency: r.latencyGainMs.map { DisplayFormat.duration(ms: $0) },
            confidence: "\(r.confidenceLevel) (\(DisplayFormat.percent(r.confidence)))", confidenceClass: r.confidenceLevel,
            evidence: r.evidence.map { RecommendationsView.Evidence(label: $0.label, value: $0.value) },
            traces: r.exampleTraces.map { RecommendationsView.TraceLink(href: "/ui/traces/\($0)", label: Self.shortId($0)) },
            hasTraces: !r.exampleTraces.isEmpty
        )
    }
}
