import Foundation
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeAnalytics

/// Four hours of ten requests each, whose work per request is known: (LLM calls, tool calls,
/// retrievals, input tokens) = (1, 0, 1, 500), (1, 1, 0, 1000), (2, 0, 1, 500), (2, 1, 1, 1000), so
/// scores 2.5, 3.0, 3.5 and 5.0. The trend's values are scipy's (LoupeCoreTests/Statistics/References/
/// inference_reference.py).
struct ComplexityTests {
    static let start: Int64 = 1_764_590_400_000_000_000  // 2025-12-01 12:00 UTC
    static let hour: Int64 = 3_600_000_000_000
    static let range = TimeRange(fromNanos: start, toNanos: start + 4 * hour)

    static func store() async throws -> InMemoryTelemetryStore {
        let plan: [(llm: Int, tools: Int, retrievals: Int, tokens: Int64)] = [(1, 0, 1, 500), (1, 1, 0, 1_000), (2, 0, 1, 500), (2, 1, 1, 1_000)]
        var spans: [SpanRecord] = []
        for (h, p) in plan.enumerated() {
            for r in 0..<10 {
                let trace = String(format: "%032x", h * 100 + r + 1)
                let t0 = start + Int64(h) * hour + Int64(r) * 60_000_000_000
                var n = 1
                func child(_ operation: OperationKind, tokens: Int64? = nil) -> SpanRecord {
                    n += 1
                    return SpanRecord(
                        traceId: trace, spanId: String(format: "%016x", n), parentSpanId: String(format: "%016x", 1), service: "agent",
                        name: operation.rawValue, operation: operation, startNanos: t0 + Int64(n) * 1_000_000, endNanos: t0 + Int64(n) * 2_000_000,
                        usage: TokenUsage(input: tokens, output: tokens.map { _ in 10 }), countsUsage: operation.isModelCall
                    )
                }
                spans.append(SpanRecord(traceId: trace, spanId: String(format: "%016x", 1), service: "agent", name: "run", operation: .chain,
                                        startNanos: t0, endNanos: t0 + 50_000_000))
                for _ in 0..<p.llm { spans.append(child(.llm, tokens: p.tokens / Int64(p.llm))) }
                for _ in 0..<p.tools { spans.append(child(.tool)) }
                for _ in 0..<p.retrievals { spans.append(child(.retrieval)) }
            }
        }
        let store = InMemoryTelemetryStore()
        _ = try await store.write(spans)
        return store
    }

    @Test func workPerRequestAndItsTrendAreKnown() async throws {
        let report = try await TelemetryAnalytics(store: try await Self.store()).complexity(Self.range)
        #expect(report.stepSeconds == 3_600)
        #expect(report.points.map(\.requests) == [10, 10, 10, 10])
        #expect(report.points.map(\.score) == [2.5, 3.0, 3.5, 5.0])
        #expect(report.points[3].llmCalls == 2 && report.points[3].toolCalls == 1 && report.points[3].inputTokens == 1_000)
        let overall = try #require(report.overall)
        #expect(overall.requests == 40 && overall.llmCalls == 1.5 && overall.toolCalls == 0.5 && overall.retrievals == 0.75)
        #expect(overall.score == 3.5)
        let trend = try #require(report.trend)
        #expect(abs(trend.slope - 19.200000000000003) < 1e-9)
        #expect(abs(trend.pValue - 0.04381711253248511) < 1e-6)
        #expect(abs((report.relativeChange ?? 0) - 19.2 * 4 / 24 / 3.5) < 1e-9)
    }

    @Test func onlyProjectAndServiceFilterAndEmptyRangesAreRefused() async throws {
        let analytics = TelemetryAnalytics(store: try await Self.store())
        let other = try await analytics.complexity(Self.range, filters: [.service: "elsewhere"])
        #expect(other.points.isEmpty && other.overall == nil && other.trend == nil)
        await #expect(throws: AnalyticsError.self) { try await analytics.complexity(Self.range, filters: [.model: "gpt-4o"]) }
        await #expect(throws: AnalyticsError.emptyRange) { try await analytics.complexity(TimeRange(fromNanos: 1, toNanos: 1)) }
    }
}
