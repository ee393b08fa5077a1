import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// The top users by cost, requests or errors; each leads to the overview filtered to that user,
/// to their sessions (this page filtered to the user) and to their traces, newest first.
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
        async let reportRead = context.analytics.summary(SummaryQuery(range: query.range, groupBy: [.user], filters: query.filters))
        let user = query.filters[.user]
        async let sessionsRead = sessions(of: user)
        async let engagementRead = context.analytics.engagement(query.range, project: query.filters[.project])
        let (report, sessions, engagement) = try await (reportRead, sessionsRead, engagementRead)
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
                sessionsHref: query.link(to: DashboardSection.users.path, ["user": user]),
                tracesHref: query.link(to: DashboardSection.traces.path, ["user": user]),
                requests: m.count, errors: m.errors, errorRate: DisplayFormat.percent(m.errorRate),
                errorRateRaw: m.errorRate.map { OverviewPage.raw($0) } ?? "", cost: DisplayFormat.dollars(cost),
                costRaw: cost.map { OverviewPage.raw($0) } ?? "", tokens: DisplayFormat.count(group.measures.spans.totalTokens),
                tokensRaw: group.measures.spans.totalTokens, p95: DisplayFormat.duration(ms: p95), p95Raw: p95.map { OverviewPage.raw($0) } ?? ""
            )
        }
        let weeks = engagement.cohorts.map(\.retained.count).max() ?? 0
        let view = UsersView(
            hasData: !rows.isEmpty, engagement: Self.cards(engagement),
            cohorts: engagement.cohorts.map { c in
                UsersView.Cohort(
                    week: DisplayFormat.utcDate(c.weekStartDay), users: c.users,
                    retained: (0..<weeks).map { $0 < c.retained.count ? DisplayFormat.percent(c.retained[$0]) : "" }
                )
            },
            cohortWeeks: (0..<weeks).map { "week \($0)" }, hasCohorts: engagement.cohorts.count > 0 && weeks > 1,
            sorts: ["cost", "requests", "errors"].map { ViewLink(label: $0, href: query.link(DashboardSection.users.path, ["sort": $0]), active: $0 == sort) },
            rows: Array(rows), limit: Self.limit, truncated: withUser.count > Self.limit,
            user: user, sessions: sessions.map { sessionRows($0.sessions) } ?? [], sessionsTruncated: sessions?.truncated ?? false
        )
        return RenderedPage(title: "Users", content: context.templates.render(view, "users"))
    }

    /// Who uses the pipeline: the range's actives, new and returning, and how sessions go.
    static func cards(_ e: EngagementReport) -> [UsersView.Card] {
        let s = e.sessions
        return [
            UsersView.Card(id: "active-users", label: "active users", value: DisplayFormat.count(Int64(e.activeUsers))),
            UsersView.Card(id: "new-users", label: "new · returning", value: "\(e.newUsers) · \(e.returningUsers)"),
            UsersView.Card(id: "dau", label: "daily active (mean)", value: String(format: "%.1f", e.dailyActiveUsers)),
            UsersView.Card(id: "wau-mau", label: "weekly · monthly active", value: "\(e.weeklyActiveUsers) · \(e.monthlyActiveUsers)"),
            UsersView.Card(id: "sessions-per-user", label: "sessions per user", value: s.sessionsPerUser.map { String(format: "%.1f", $0) } ?? "–"),
            UsersView.Card(id: "queries-per-session", label: "requests per session", value: s.requestsPerSessionMean.map { String(format: "%.1f", $0) } ?? "–"),
            UsersView.Card(id: "session-length", label: "median session", value: DisplayFormat.duration(ms: s.lengthP50Ms)),
        ]
    }

    private func sessions(of user: String?) async throws -> (sessions: [SessionSummary], truncated: Bool)? {
        guard let user else { return nil }
        return try await context.analytics.sessions(user: user, range: context.query.range, project: context.query.filters[.project])
    }

    private func sessionRows(_ sessions: [SessionSummary]) -> [UsersView.Session] {
        sessions.map { s in
            let seconds = s.startNanos / 1_000_000_000
            let priced = s.inputTokens + s.outputTokens > 0
            return UsersView.Session(
                id: s.sessionId, href: context.query.link(to: DashboardSection.traces.path, ["session": s.sessionId]),
                started: DisplayFormat.utcTime(seconds, withDate: true), startedISO: DisplayFormat.iso(seconds),
                duration: DisplayFormat.duration(ms: s.durationMs), durationMs: s.durationMs, traces: s.traces, failed: s.failedTraces,
                cost: priced ? DisplayFormat.dollars(s.costUSD) : "–", costRaw: s.costUSD
            )
        }
    }
}
