import Foundation
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeAnalytics

/// Twelve requests whose latencies and satisfaction are InferenceTests' (scipy's Spearman values
/// from LoupeCoreTests/Statistics/References/inference_reference.py); the first six on `rag`, the
/// rest on `agent`; satisfaction as 1…5 stars (1 + 4 × the share), and a thumbs up on the first.
struct QualityTests {
    static let start: Int64 = 1_764_590_400_000_000_000
    static let range = TimeRange(fromNanos: start, toNanos: start + 3_600_000_000_000)
    static let latency: [Double] = [820, 1300, 450, 2900, 1300, 640, 5100, 980, 2200, 760, 3300, 1500]
    static let satisfaction: [Double] = [1, 0.75, 1, 0.25, 0.75, 1, 0, 0.75, 0.5, 1, 0.25, 0.5]

    static func store() async throws -> InMemoryTelemetryStore {
        let store = InMemoryTelemetryStore()
        var spans: [SpanRecord] = [], scores: [Score] = []
        for (i, ms) in latency.enumerated() {
            let trace = String(format: "%032x", i + 1), t0 = start + Int64(i) * 60_000_000_000
            spans.append(SpanRecord(
                traceId: trace, spanId: "0000000000000001", service: i < 6 ? "rag" : "agent", name: "answer", operation: .llm,
                startNanos: t0, endNanos: t0 + Int64(ms) * 1_000_000, countsUsage: true, costUSD: Double(i + 1) / 1_000
            ))
            scores.append(Score(
                id: "stars-\(i)", project: "default", target: .trace(traceId: trace), name: "stars", value: .numeric(1 + 4 * satisfaction[i]),
                range: 1...5, source: .userFeedback, timestampNanos: t0
            ))
        }
        scores.append(Score(id: "thumb", project: "default", target: .trace(traceId: String(format: "%032x", 1)), name: "thumbs",
                            value: .boolean(true), source: .userFeedback, timestampNanos: start))
        // A category has no mean; a score of a trace outside the range does not count.
        scores.append(Score(id: "topic", project: "default", target: .trace(traceId: String(format: "%032x", 2)), name: "topic",
                            value: .categorical("billing"), source: .annotation, timestampNanos: start))
        _ = try await store.write(spans)
        try await store.writeScores(scores)
        return store
    }

    @Test func scoresAreSplitByServiceLatencyAndTimeAndCorrelatedWithLatency() async throws {
        let report = try await TelemetryAnalytics(store: try await Self.store()).quality(Self.range)
        #expect(report.overall.map(\.name) == ["stars", "thumbs"])
        #expect(report.overall[0].count == 12 && abs(report.overall[0].mean - Self.satisfaction.reduce(0, +) / 12) < 1e-12)
        let services = report.byService.filter { $0.name == "stars" }
        #expect(services.map(\.group) == ["agent", "rag"] || services.map(\.group) == ["rag", "agent"])
        let rag = try #require(services.first { $0.group == "rag" })
        #expect(abs(rag.mean - Self.satisfaction.prefix(6).reduce(0, +) / 6) < 1e-12)
        let buckets = report.byLatency.filter { $0.name == "stars" }
        #expect(buckets.map(\.group) == ["< 1 s", "1–2 s", "2–5 s", "5–10 s"])
        #expect(buckets.map(\.count) == [5, 3, 3, 1])
        #expect(buckets[0].mean == 0.95 && buckets[3].mean == 0)
        #expect(report.overTime.filter { $0.name == "stars" }.map(\.count) == [12])
        let latency = try #require(report.correlations.first { $0.name == "stars" && $0.against == "latency" })
        #expect(abs(latency.spearman.rho - -0.9733285267845753) < 1e-9)
        #expect(abs(latency.spearman.pValue - 1.0164393599566424e-07) < 1e-9)
        #expect(!report.correlations.contains { $0.name == "thumbs" })
        let thumbs = try await TelemetryAnalytics(store: try await Self.store()).quality(Self.range, name: "thumbs")
        #expect(thumbs.overall.map(\.count) == [1])
    }
}
