import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeDashboard

/// The users page opens with who uses the pipeline: actives, new and returning, sessions, retention.
struct UsersEngagementTests {
    typealias Pages = DashboardPagesTests

    @Test func theUsersPageLeadsWithEngagement() async throws {
        // The shared store: three users (u0, u1, u2) over the last twenty minutes, one trace each time.
        let html = try await Pages.dashboard(try await Pages.store()).users(["range": "1h"], nowNanos: Pages.now)
        #expect(html.contains("id=\"card-active-users\"><div class=\"label\">active users</div><div class=\"value\">3</div>"))
        #expect(html.contains("<div class=\"value\">3 · 0</div>"))
        // One week of data: no retention table yet.
        #expect(!html.contains("id=\"cohorts\""))
        #expect(html.range(of: "id=\"engagement\"")!.lowerBound < html.range(of: "id=\"users\"")!.lowerBound)
    }

    @Test func aWeekLaterTheCohortsShowWhoCameBack() async throws {
        let sixDays: Int64 = 6 * 86_400_000_000_000
        // The shared store's traffic is on a Wednesday evening; u0 comes back the next Tuesday, in the
        // following Monday-to-Sunday week, and the last 7 days hold both.
        let back = SpanRecord(
            traceId: String(format: "%032x", 900), spanId: "0000000000000001", project: "acme", service: "rag", name: "ask",
            startNanos: Pages.now + sixDays - 3_600_000_000_000, endNanos: Pages.now + sixDays - 3_599_000_000_000, userId: "u0"
        )
        let html = try await Pages.dashboard(try await Pages.store(extraSpans: [back])).users(["range": "7d"], nowNanos: Pages.now + sixDays)
        #expect(html.contains("id=\"cohorts\""))
        #expect(html.contains("<td class=\"num\">3</td><td class=\"num\">100.0%</td><td class=\"num\">33.3%</td>"))
    }
}
