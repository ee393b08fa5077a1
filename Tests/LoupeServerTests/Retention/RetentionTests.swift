import Foundation
import LoupeCore
import LoupeServer
import LoupeStore
import Testing

/// A retention pass applies each project's periods, in batches, and counts what it deleted.
struct RetentionTests {
    static let day: Int64 = 86_400_000_000_000
    static let now: Int64 = 1_795_780_800_000_000_000

    /// One single-span trace per (project, age in days).
    static func store(_ traces: [(String, Int64)]) async throws -> InMemoryTelemetryStore {
        let store = InMemoryTelemetryStore()
        let spans = traces.enumerated().map { index, trace in
            SpanRecord(
                traceId: String(format: "%032x", index + 1), spanId: "0000000000000001", parentSpanId: nil, project: trace.0,
                service: "rag", name: "answer", operation: .llm, spanKind: .client, startNanos: now - trace.1 * day,
                endNanos: now - trace.1 * day + 1_000_000, status: .unset, requestModel: "gpt-4o", countsUsage: true, userId: "u"
            )
        }
        _ = try await store.write(SpanBatch(spans))
        return store
    }

    @Test func eachProjectKeepsItsOwnPeriodAndTheRestTheDefault() async throws {
        let store = try await Self.store([("acme", 2), ("acme", 10), ("beta", 10), ("beta", 40), ("gamma", 40)])
        let policy = RetentionPolicy(
            defaults: .init(spansDays: 30, rollupsDays: 365), projects: ["acme": .init(spansDays: 7)]
        )
        let retention = Retention(policy: policy, store: store, batchTraces: 1)
        let report = try await retention.pass(nowNanos: Self.now)
        #expect(report.deleted.traces == 3 && report.batches >= 3)
        let left = try await store.traces(TraceQuery(fromNanos: 0, toNanos: .max, limit: 10)).map { "\($0.project) \((Self.now - $0.startNanos) / Self.day)" }
        #expect(left.sorted() == ["acme 2", "beta 10"])
        #expect(retention.tally.deleted.traces == 3 && retention.tally.passes == 1 && retention.tally.lastPassNanos == Self.now)
        #expect(try await retention.pass(nowNanos: Self.now).deleted.total == 0)
    }

    @Test func aPolicyWithoutPeriodsKeepsEverythingAndBadOnesAreNamed() async throws {
        let store = try await Self.store([("acme", 4_000)])
        #expect(!RetentionPolicy().isEnabled)
        #expect(try await Retention(policy: RetentionPolicy(), store: store).pass(nowNanos: Self.now).deleted.total == 0)
        #expect(RetentionPolicy(defaults: .init(spansDays: 0)).problem == "defaults: spans_days must be from 1 to 36500 days, not 0")
        #expect(RetentionPolicy(projects: ["acme": .init(rollupsDays: -1)]).problem == "project acme: rollups_days must be from 1 to 36500 days, not -1")
        let decoded = try JSONDecoder().decode(RetentionPolicy.self, from: Data(#"{"spans_days": 30, "projects": {"acme": {"spans_days": 7}}}"#.utf8))
        #expect(decoded == RetentionPolicy(defaults: .init(spansDays: 30), projects: ["acme": .init(spansDays: 7)]))
    }
}
