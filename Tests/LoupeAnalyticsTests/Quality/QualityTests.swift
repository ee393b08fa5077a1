import Foundation
import LoupeCore
import LoupeStore
import Testing

@testable import LoupeAnalytics

/// Twelve requests whose latencies and satisfaction are InferenceTests' (scipy's Spearman values
/// from LoupeCoreTests/Statistics/References/inference_reference.py); the first six on `rag`, the
/// rest on `agent`; even ones on gpt-4o, odd ones on gpt-4o-mini; the first four in sales, the rest
/// in support; prompt v1 but for the last three (v2); satisfaction as 1…5 stars (1 + 4 × the
/// share), and a thumbs up on the first.
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
                startNanos: t0, endNanos: t0 + Int64(ms) * 1_000_000, requestModel: i % 2 == 0 ? "gpt-4o" : "gpt-4o-mini",
                countsUsage: true, costUSD: Double(i + 1) / 1_000, dimensions: ["business_unit": i < 4 ? "sales" : "support"],
                attributes: ["gen_ai.prompt.version": .string(i < 9 ? "v1" : "v2")]
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

    @Test func scoresAreSplitByModelPromptVersionAndBusinessDimension() async throws {
        let report = try await TelemetryAnalytics(store: try await Self.store()).quality(Self.range, name: "stars")
        func mean(_ indices: [Int]) -> Double { indices.map { Self.satisfaction[$0] }.reduce(0, +) / Double(indices.count) }
        let models = Dictionary(uniqueKeysWithValues: report.byModel.map { ($0.group, $0) })
        #expect(models["gpt-4o"]?.count == 6 && abs((models["gpt-4o"]?.mean ?? 0) - mean([0, 2, 4, 6, 8, 10])) < 1e-12)
        #expect(abs((models["gpt-4o-mini"]?.mean ?? 0) - mean([1, 3, 5, 7, 9, 11])) < 1e-12)
        // Most scored first.
        #expect(report.byPromptVersion.map(\.group) == ["v1", "v2"] && report.byPromptVersion.map(\.count) == [9, 3])
        #expect(abs(report.byPromptVersion[1].mean - mean([9, 10, 11])) < 1e-12)
        let units = try #require(report.byDimension["business_unit"])
        #expect(units.map(\.group) == ["support", "sales"] && units.map(\.count) == [8, 4])
        #expect(abs(units[1].mean - mean([0, 1, 2, 3])) < 1e-12)
    }
}
