import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore
import Testing

/// The aggregate stage breakdown against numpy (References/breakdown_reference.py).
struct TelemetryAnalyticsBreakdownTests {
    static let minute: Int64 = 60_000_000_000
    static let base: Int64 = 29_000_000 * minute
    static let embedding: [Int64] = [40, 42, 38, 55, 41, 39, 60]
    static let retrieval: [Int64] = [15, 18, 12, 20, 0, 16, 14]
    static let llm: [Int64] = [900, 1200, 850, 2000, 950, 1100, 3000]
    static let gap: [Int64] = [30, 25, 40, 35, 20, 30, 50]

    static func store() async throws -> InMemoryTelemetryStore {
        var spans: [SpanRecord] = []
        for i in 0..<7 {
            let trace = String(format: "%032x", i + 1)
            let start = base + Int64(i) * minute
            let ms: Int64 = 1_000_000
            var at = start
            func child(_ id: Int, _ operation: OperationKind, _ duration: Int64) {
                guard duration > 0 else { return }
                spans.append(SpanRecord(traceId: trace, spanId: String(format: "%016x", id), parentSpanId: String(format: "%016x", 1),
                                        service: "rag", name: operation.rawValue, operation: operation, startNanos: at,
                                        endNanos: at + duration * ms))
                at += duration * ms
            }
            child(2, .embedding, embedding[i])
            child(3, .retrieval, retrieval[i])
            child(4, .llm, llm[i])
            let total = embedding[i] + retrieval[i] + llm[i] + gap[i]
            spans.append(SpanRecord(traceId: trace, spanId: String(format: "%016x", 1), service: "rag", name: "POST /answer",
                                    operation: .chain, startNanos: start, endNanos: start + total * ms))
        }
        // Another operation with fewer traces, which the default choice passes over.
        spans.append(SpanRecord(traceId: String(format: "%032x", 99), spanId: "00000000000000ff", service: "rag", name: "GET /health",
                                operation: .stage, startNanos: base, endNanos: base + 1_000_000))
        let store = InMemoryTelemetryStore()
        _ = try await store.write(spans)
        return store
    }

    @Test func stagesMatchTheReference() async throws {
        let analytics = TelemetryAnalytics(store: try await Self.store())
        let range = TimeRange(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute)
        let report = try await analytics.breakdown(BreakdownQuery(range: range))
        #expect(report.operations.map(\.name) == ["POST /answer", "GET /health"])
        #expect(report.operation?.name == "POST /answer" && report.sampledTraces == 7)
        let expected: [(String, Double, Double, Double, Double, Int)] = [
            ("llm", 0.9398496240601504, 1428.5714285714287, 1100, 3000, 7),
            ("embedding", 0.029605263157894735, 45.0, 41, 60, 7),
            ("unaccounted", 0.021616541353383457, 32.857142857142854, 30, 50, 7),
            ("retrieval", 0.008928571428571428, 13.571428571428571, 15, 20, 6),
        ]
        #expect(report.stages.map(\.stage) == expected.map(\.0))
        for (stats, want) in zip(report.stages, expected) {
            #expect(abs(stats.share - want.1) < 1e-12, "\(want.0)")
            #expect(abs(stats.meanMs - want.2) < 1e-9, "\(want.0)")
            #expect(stats.p50Ms == want.3 && stats.p95Ms == want.4 && stats.traces == want.5, "\(want.0)")
        }
        #expect(report.totalP50Ms == 1185 && report.totalP95Ms == 3124)
        #expect(report.slowest?.stage == "llm")
    }

    @Test func aSampleIsTheNewestTraces() async throws {
        let analytics = TelemetryAnalytics(store: try await Self.store())
        let range = TimeRange(fromNanos: Self.base, toNanos: Self.base + 10 * Self.minute)
        let report = try await analytics.breakdown(BreakdownQuery(range: range, rootName: "POST /answer", sampleSize: 2))
        #expect(report.sampledTraces == 2)
        // The two newest traces (6 and 7): their LLM times are 1100 and 3000.
        #expect(report.stages.first { $0.stage == "llm" }?.p50Ms == 1100)
        let none = try await analytics.breakdown(BreakdownQuery(range: range, rootName: "nothing"))
        #expect(none.sampledTraces == 0 && none.stages.isEmpty)
    }
}
