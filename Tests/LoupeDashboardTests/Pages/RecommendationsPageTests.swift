import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeDashboard

/// The recommendations page lists what to change with its saving, evidence and traces, escaped.
struct RecommendationsPageTests {
    typealias Pages = DashboardPagesTests

    /// Twelve more calls of the hostile model, all sending one prompt.
    static func repeatedPrompts() -> [SpanRecord] {
        (0..<12).map { i in
            let start = Pages.now - Int64(15 - i) * 60_000_000_000
            return SpanRecord(
                traceId: String(format: "%032x", 100 + i), spanId: String(format: "%016x", 9), project: "acme", service: "rag",
                name: "chat", operation: .llm, startNanos: start, endNanos: start + 700_000_000, status: .ok, provider: "openai",
                requestModel: Pages.hostile, usage: TokenUsage(input: 100, output: 20), countsUsage: true, costUSD: 0.002,
                attributes: ["loupe.prompt.hash": "same"]
            )
        }
    }

    @Test func aRecommendationShowsItsSavingEvidenceAndTracesEscaped() async throws {
        let store = try await Pages.store(extraSpans: Self.repeatedPrompts())
        let html = try await Pages.dashboard(store).recommendations(["range": "1h"], nowNanos: Pages.now)
        #expect(html.contains("data-kind=\"response_cache\"") && html.contains("answers by prompt"))
        #expect(html.contains("11 of 12 sampled calls"))
        #expect(html.contains("href=\"/ui/traces/0000000000000000000000000000006f\""))
        #expect(html.contains("class=\"saving\">saves ~$"))
        #expect(html.contains("response cache (1)") && html.contains("class=\"chip active\""))
        Pages.expectEscaped(html)
    }

    @Test func aKindCanBeChosenAndAnUnknownOneIsRefused() async throws {
        let store = try await Pages.store(extraSpans: Self.repeatedPrompts())
        let dashboard = Pages.dashboard(store)
        let only = try await dashboard.recommendations(["range": "1h", "kind": "slow_stage"], nowNanos: Pages.now)
        #expect(!only.contains("data-kind=\"response_cache\""))
        await #expect(throws: DashboardError.self) { try await dashboard.recommendations(["kind": "magic"], nowNanos: Pages.now) }
    }

    @Test func anEmptyStoreSaysThereIsNoDataYet() async throws {
        let html = try await Pages.dashboard(InMemoryTelemetryStore()).recommendations(["range": "1h"], nowNanos: Pages.now)
        #expect(html.contains("No data in this range yet") && !html.contains("<ol class=\"recommendations\">"))
    }
}
