import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeDashboard

/// The models page puts each configured rate limit against its model's busiest minute.
struct ModelsCapacityTests {
    typealias Pages = DashboardPagesTests

    @Test func aLimitShowsTheBusiestMinuteAgainstItEscaped() async throws {
        let store = try await Pages.store()
        let dashboard = Dashboard(
            analytics: TelemetryAnalytics(store: store), businessDimensions: [], otlpEndpoint: "http://127.0.0.1:4318/v1/traces",
            rateLimits: [RateLimit(model: Pages.hostile, tokensPerMinute: 200)]
        )
        let html = try await dashboard.models(["range": "1h"], nowNanos: Pages.now)
        // One call a minute of 120 tokens: 60% of a 200-token limit; too little history to forecast.
        #expect(html.contains("id=\"capacity\"") && html.contains("200 tokens a minute") && html.contains("120 (60.0%)"))
        // No forecast yet: a dash, not an empty badge.
        #expect(html.contains("too little history to forecast") && html.contains("<td class=\"num\">–</td><td>–</td>"))
        Pages.expectEscaped(html)
        let plain = try await Pages.dashboard(store).models(["range": "1h"], nowNanos: Pages.now)
        #expect(!plain.contains("id=\"capacity\""))
    }
}
