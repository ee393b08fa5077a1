import LoupeAnalytics
import LoupeCore
import LoupeStore

/// The top users by cost, requests or errors; each leads to the overview filtered to that user
/// and to their traces, newest first.
struct UsersPage {
    static let parameters: Set<String> = ["sort"]
    static let limit = 100

    let context: PageContext

    func render() async throws -> RenderedPage {
        let query = context.query
        let sort = query.parameters["sort"] ?? "cost"
        guard ["cost", "requests", "errors"].contains(sort) else {
            throw DashboardError.badParameter("sort", "'\(sort)' is not cost, requests or errors")
        }
        let report = try await context.analytics.summary(SummaryQuery(range: query.range, groupBy: [.user], filters: query.filters))
        let unit = report.unit
        let withUser = report.groups.filter { !($0.key["user"] ?? "").isEmpty && $0.measures[unit].count > 0 }
        let ranked = withUser.sorted { a, b in
            switch sort {
            case "requests": return a.measures[unit].count > b.measures[unit].count
            case "errors": return a.measures[unit].errors > b.measures[unit].errors
            default: return (a.measures.spans.knownCostUSD ?? -1) > (b.measures.spans.knownCostUSD ?? -1)
            }
        }
        let rows = ranked.prefix(Self.limit).map { group -> UsersView.Row in
            let user = group.key["user"] ?? ""
            let m = group.measures[unit]
            let cost = group.measures.spans.knownCostUSD
            let p95 = m.latency.quantile(0.95)
            return UsersView.Row(
                user: user, href: query.link(to: DashboardSection.overview.path, ["user": user]),
                tracesHref: query.link(to: DashboardSection.traces.path, ["user": user]),
                requests: m.count, errors: m.errors, errorRate: DisplayFormat.percent(m.errorRate),
                errorRateRaw: m.errorRate.map { OverviewPage.raw($0) } ?? "", cost: DisplayFormat.dollars(cost),
                costRaw: cost.map { OverviewPage.raw($0) } ?? "", tokens: DisplayFormat.count(group.measures.spans.totalTokens),
                tokensRaw: group.measures.spans.totalTokens, p95: DisplayFormat.duration(ms: p95), p95Raw: p95.map { OverviewPage.raw($0) } ?? ""
            )
        }
        let view = UsersView(
            hasData: !rows.isEmpty,
            sorts: ["cost", "requests", "errors"].map { ViewLink(label: $0, href: query.link(DashboardSection.users.path, ["sort": $0]), active: $0 == sort) },
            rows: Array(rows), limit: Self.limit, truncated: withUser.count > Self.limit
        )
        return RenderedPage(title: "Users", content: context.templates.render(view, "users"))
    }
}
