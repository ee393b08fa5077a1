import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeDashboard

/// The experiments page leads with the verdict, then the variants and every difference, escaped.
struct ExperimentsPageTests {
    typealias Pages = DashboardPagesTests

    /// Forty requests a variant: the control fails every fourth, the hostile-named variant never.
    static func experiment(name: String = "prompt-test", variant: String = Pages.hostile) -> [SpanRecord] {
        (0..<80).map { i in
            let start = Pages.now - Int64(30 - i / 4) * 60_000_000_000 + Int64(i) * 1_000_000
            let treatment = i % 2 == 1
            return SpanRecord(
                traceId: String(format: "%032x", 500 + i), spanId: String(format: "%016x", 1), project: "acme", service: "rag",
                name: "answer", operation: .llm, startNanos: start, endNanos: start + Int64((treatment ? 600 : 900) + i % 7) * 1_000_000,
                status: !treatment && i % 8 == 0 ? .error : .ok, countsUsage: true, costUSD: 0.001, userId: "u\(i)",
                attributes: ["loupe.experiment": .string(name), "loupe.experiment.variant": .string(treatment ? variant : "control")]
            )
        }
    }

    @Test func theVerdictComesFirstAndEveryDifferenceIsShownEscaped() async throws {
        let store = try await Pages.store(extraSpans: Self.experiment())
        try await store.writeScores([Score(
            id: "q", project: "acme", target: .trace(traceId: String(format: "%032x", 501)), name: "stars", value: .numeric(4), range: 1...5,
            source: .userFeedback, timestampNanos: Pages.now
        )])
        let html = try await Pages.dashboard(store).experiments(["range": "1h"], nowNanos: Pages.now)
        #expect(html.contains("id=\"quality\"") && html.contains("stars (mean 0.75 over 1)"))
        #expect(html.contains("id=\"verdict\"") && html.contains("<div class=\"label\">prompt-test</div>"))
        #expect(html.range(of: "id=\"verdict\"")!.lowerBound < html.range(of: "id=\"variants\"")!.lowerBound)
        #expect(html.contains("data-variant=\"control\"") && html.contains("<span class=\"badge\">control</span>"))
        #expect(html.contains("<td>success rate</td>") && html.contains("<td>latency (mean)</td>"))
        #expect(html.contains("class=\"chip active\""))
        Pages.expectEscaped(html)
    }

    @Test func aSplitCanBeGivenAndABadOneIsRefused() async throws {
        let store = try await Pages.store(extraSpans: Self.experiment(variant: "v2"))
        let dashboard = Pages.dashboard(store)
        let skewed = try await dashboard.experiments(["range": "1h", "split": "control:9,v2:1"], nowNanos: Pages.now)
        #expect(skewed.contains("id=\"mismatch\"") && skewed.contains("Check assignment"))
        await #expect(throws: DashboardError.self) { try await dashboard.experiments(["split": "half"], nowNanos: Pages.now) }
    }

    @Test func anEmptyStoreSaysHowToStartAnExperiment() async throws {
        let html = try await Pages.dashboard(InMemoryTelemetryStore()).experiments(["range": "1h"], nowNanos: Pages.now)
        #expect(html.contains("No experiment in this range") && html.contains("loupe.experiment.variant"))
        #expect(!html.contains("id=\"verdict\"") && !html.contains("id=\"quality\""))
    }
}
