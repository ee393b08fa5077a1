import ArgumentParser
import Foundation
import LoupeAnalytics
import LoupeDashboard
import LoupeStore

/// `loupe engagement`: who uses the pipeline, how often, and who comes back.
struct EngagementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engagement",
        abstract: "Active users by day, week and month, new against returning, sessions, and weekly retention cohorts.",
        discussion: """
            Users are the traces' user ids (user.id, enduser.id, the conventions' user attributes); sessions their
            session or conversation ids. A user is new on the day of their first request ever. Weeks run Monday to
            Sunday, UTC.

            Examples:
              loupe engagement
              loupe engagement --since 90d --project acme
            """
    )

    @OptionGroup var store: StoreRangeOptions

    func run() async throws {
        let report = try await TelemetryAnalytics(store: try await store.open()).engagement(try store.range(), project: store.project)
        print(Self.render(report, since: store.since))
    }

    static func render(_ r: EngagementReport, since: String) -> String {
        guard r.activeUsers > 0 else { return "No request with a user id in the last \(since)." }
        let s = r.sessions
        var lines = [
            "Engagement, last \(since): \(r.activeUsers) active users (\(r.newUsers) new, \(r.returningUsers) returning)",
            String(format: "DAU %.1f (mean)  WAU %d  MAU %d  stickiness %@", r.dailyActiveUsers, r.weeklyActiveUsers, r.monthlyActiveUsers,
                   r.stickiness.map { String(format: "%.0f%%", $0 * 100) } ?? "-"),
            "Sessions: \(s.sessions)"
                + (s.sessionsPerUser.map { String(format: ", %.1f per user", $0) } ?? "")
                + (s.requestsPerSessionMean.map { String(format: ", %.1f requests each (p90 %.0f)", $0, s.requestsPerSessionP90 ?? 0) } ?? "")
                + (s.lengthP50Ms.map { String(format: ", median length %@", Self.duration($0)) } ?? "")
                + (s.sampled ? " (the sessions of the newest \(EngagementQuery.defaultSessionRequests) requests)" : ""),
            "",
        ]
        var days = [["day", "active", "new", "returning", "requests", "WAU", "MAU"]]
        for d in r.days.suffix(14) {
            days.append([DisplayFormat.utcDate(d.day), String(d.activeUsers), String(d.newUsers), String(d.returningUsers), String(d.requests),
                         String(d.weeklyActiveUsers), String(d.monthlyActiveUsers)])
        }
        lines.append(TextTable.render(days))
        if !r.cohorts.isEmpty {
            let weeks = r.cohorts.map(\.retained.count).max() ?? 0
            var cohorts = [["cohort week", "users"] + (0..<weeks).map { "week \($0)" }]
            for c in r.cohorts {
                cohorts.append([DisplayFormat.utcDate(c.weekStartDay), String(c.users)] + (0..<weeks).map { k in
                    k < c.retained.count ? String(format: "%.0f%%", c.retained[k] * 100) : ""
                })
            }
            lines += ["", "Weekly retention (users first seen that week, active in the weeks after):", TextTable.render(cohorts)]
        }
        return lines.joined(separator: "\n")
    }

    static func duration(_ ms: Double) -> String { ms >= 60_000 ? String(format: "%.1f min", ms / 60_000) : String(format: "%.0f s", ms / 1_000) }
}
