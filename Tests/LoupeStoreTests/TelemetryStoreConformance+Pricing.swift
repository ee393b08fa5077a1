import Foundation
import LoupeCore
import LoupeStore
import Testing

extension TelemetryStoreConformance {
    @Test(arguments: Kind.allCases)
    func failedSpansAreReadNewestFirst(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        _ = try await store.writeAndFlush([
            Self.span(id: "0000000000000001", minute: 0, error: true), Self.span(id: "0000000000000002", minute: 1, error: true),
            Self.span(id: "0000000000000003", minute: 1),
        ])
        let failed = try await store.failedSpans(FailedSpanQuery(fromNanos: Self.base, toNanos: Self.base + 5 * Self.minute))
        #expect(failed.map(\.spanId) == ["0000000000000002", "0000000000000001"])
        #expect(failed.first?.errorFingerprint == "00000000000000aa")
        let limited = try await store.failedSpans(FailedSpanQuery(fromNanos: Self.base, toNanos: Self.base + 5 * Self.minute, limit: 1))
        #expect(limited.count == 1)
    }

    @Test(arguments: Kind.allCases)
    func repricingCorrectsSpansRollupsAndTraces(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let trace = "33333333333333333333333333333333"
        _ = try await store.writeAndFlush([
            Self.span(trace: trace, id: "0000000000000001", model: "house-model", cost: nil),
            Self.span(trace: trace, id: "0000000000000002", model: "gpt-4o", cost: 0.01),
            Self.span(trace: trace, id: "0000000000000003", operation: .chain, cost: nil),
        ])
        let unpriced = try await store.unpricedModels(fromNanos: Self.base, toNanos: Self.base + Self.minute)
        #expect(unpriced == [UnpricedModel(provider: "openai", model: "house-model", calls: 1, inputTokens: 100, outputTokens: 10)])

        let outcome = try await store.reprice(fromNanos: Self.base, toNanos: Self.base + Self.minute) { span in
            span.requestModel == "house-model" ? 0.5 : 0.02
        }
        #expect(outcome.examined == 2)
        #expect(outcome.changed == 2)
        #expect(abs(outcome.costAfterUSD - 0.52) < 1e-12)
        #expect(try await store.unpricedModels(fromNanos: Self.base, toNanos: Self.base + Self.minute).isEmpty)
        let m0 = Self.base / Self.minute
        for grain in RollupGrain.allCases {
            let rows = try await store.rollups(RollupQuery(grain: grain, fromMinute: m0, toMinute: m0 + 1))
            #expect(abs(rows.reduce(0) { $0 + $1.measures.costUSD } - 0.52) < 1e-12, "\(grain)")
            #expect(rows.reduce(0) { $0 + $1.measures.unpricedCalls } == 0)
            #expect(rows.reduce(0) { $0 + $1.measures.count } == 3)
        }
        let summary = try await store.traces(TraceQuery(fromNanos: Self.base, toNanos: Self.base + Self.minute))
        #expect(abs((summary.first?.costUSD ?? 0) - 0.52) < 1e-12)
        #expect(summary.first?.spanCount == 3)
        let again = try await store.reprice(fromNanos: Self.base, toNanos: Self.base + Self.minute) { span in
            span.requestModel == "house-model" ? 0.5 : 0.02
        }
        #expect(again.changed == 0)
    }
}

extension TelemetryStoreConformance {
    @Test(arguments: Kind.allCases)
    func mergedBatchesThatRepeatSpansCountThemOnce(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let first = [Self.span(id: "0000000000000001"), Self.span(id: "0000000000000002")]
        _ = try await store.writeAndFlush(first)
        // Two requests merged by the writer: one a retry of stored spans, one new.
        var batch = SpanBatch(first)
        batch.append(SpanBatch([Self.span(id: "0000000000000003", error: true)]))
        #expect(try await store.writeAndFlush(batch) == WriteOutcome(inserted: 1, duplicates: 2))
        let m0 = Self.base / Self.minute
        for grain in RollupGrain.allCases {
            let rows = try await store.rollups(RollupQuery(grain: grain, fromMinute: m0, toMinute: m0 + 1))
            #expect(rows.reduce(0) { $0 + $1.measures.count } == 3, "\(grain)")
            #expect(rows.reduce(0) { $0 + $1.measures.errors } == 1, "\(grain)")
        }
        let traces = try await store.traces(TraceQuery(fromNanos: Self.base, toNanos: Self.base + Self.minute))
        #expect(traces.first?.spanCount == 3)
    }
}

extension TelemetryStoreConformance {
    @Test(arguments: Kind.allCases)
    func collapsedRollupsAddUpToThePerMinuteOnes(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        var spans: [SpanRecord] = []
        for i in 0..<6 {
            let id = String(format: "%016x", i + 1)
            spans.append(Self.span(id: id, minute: Int64(i % 3), durationMs: Int64(100 * (i + 1)), error: i == 4))
        }
        _ = try await store.writeAndFlush(spans)
        let m0 = Self.base / Self.minute
        for grain in RollupGrain.allCases {
            var perMinute = RollupMeasures()
            for row in try await store.rollups(RollupQuery(grain: grain, fromMinute: m0, toMinute: m0 + 3)) { perMinute.merge(row.measures) }
            var collapsed = RollupMeasures()
            let rows = try await store.rollups(RollupQuery(grain: grain, fromMinute: m0, toMinute: m0 + 3, merge: RollupMerge(keeping: Set(TelemetryDimension.builtIn))))
            for row in rows { collapsed.merge(row.measures) }
            #expect(collapsed.count == perMinute.count && collapsed.errors == perMinute.errors, "\(grain)")
            #expect(collapsed.inputTokens == perMinute.inputTokens && collapsed.latency == perMinute.latency, "\(grain)")
            #expect(abs(collapsed.costUSD - perMinute.costUSD) < 1e-12, "\(grain)")
            #expect(rows.allSatisfy { $0.key.minute >= m0 && $0.key.minute < m0 + 3 })
        }
    }
}

extension TelemetryStoreConformance {
    /// Merged rows, grouped by step and by the kept dimensions, add up to the unmerged ones grouped the same way.
    @Test(arguments: Kind.allCases, [
        RollupMerge(stepMinutes: 2, originMinute: 1, keeping: [.model]),
        RollupMerge(keeping: [.user]),
        RollupMerge(stepMinutes: 3, originMinute: 2, keeping: [TelemetryDimension("business_unit"), .model]),
        RollupMerge(stepMinutes: 10, originMinute: 0, keeping: [.errorCategory]),
    ])
    func mergedRollupsKeepWhatTheReaderGroupsBy(kind: Kind, merge: RollupMerge) async throws {
        let store = try await Self.makeStore(kind)
        var spans: [SpanRecord] = []
        for i in 0..<12 {
            spans.append(Self.span(
                id: String(format: "%016x", i + 1), minute: Int64(i % 5), durationMs: Int64(50 * (i + 1)),
                model: i % 3 == 0 ? "gpt-4o-mini" : "gpt-4o", error: i % 4 == 0, user: "u\(i % 2)", unit: i % 2 == 0 ? "sales" : "legal"
            ))
        }
        _ = try await store.writeAndFlush(spans)
        let m0 = Self.base / Self.minute
        let dimensions = merge.keeping.sorted()
        let grain = try #require(RollupGrain.covering(Set(dimensions)))
        do {
            let from = grain.rowMinute(m0)
            let origin = from + merge.originMinute
            let step = merge.stepMinutes
            let realMerge = RollupMerge(stepMinutes: step, originMinute: origin, keeping: merge.keeping)
            func grouped(_ rows: [RollupRow]) -> [String: RollupMeasures] {
                var groups: [String: RollupMeasures] = [:]
                for row in rows {
                    let bucket = step.map { (row.key.minute - origin) / $0 } ?? 0
                    let key = "\(bucket)|\(dimensions.map { row.key.value(of: $0) })|\(row.key.role.rawValue)"
                    groups[key, default: RollupMeasures()].merge(row.measures)
                }
                return groups
            }
            let plain = grouped(try await store.rollups(RollupQuery(grain: grain, fromMinute: from, toMinute: m0 + 10)))
            let merged = grouped(try await store.rollups(RollupQuery(grain: grain, fromMinute: from, toMinute: m0 + 10, merge: realMerge)))
            #expect(merged.keys.sorted() == plain.keys.sorted(), "\(grain)")
            for (key, measures) in plain {
                let other = merged[key] ?? RollupMeasures()
                #expect(other.count == measures.count && other.errors == measures.errors && other.latency == measures.latency, "\(grain) \(key)")
                #expect(abs(other.costUSD - measures.costUSD) < 1e-12, "\(grain) \(key)")
            }
        }
    }
}
