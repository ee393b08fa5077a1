import Foundation
import LoupeCore
import LoupeStore
import Testing

/// Merged reads over days give what the minute rows add up to: a store may answer whole days, hours
/// and ten minutes from coarser rows (SQLite keeps them), and the edges of a range from minutes.
extension TelemetryStoreConformance {
    /// Spans over nearly three days starting twenty minutes into an hour, of two models, with varied latency and cost.
    static func spreadOverHours(_ store: any TelemetryStore) async throws {
        let spans = (0..<40).map { (i: Int) -> SpanRecord in
            let duration = Int64(50 + i * 37 % 900)
            let model = i % 3 == 0 ? "gpt-4o-mini" : "gpt-4o"
            return span(
                trace: String(format: "%032x", i + 1), id: String(format: "%016x", i + 1), minute: Int64(i * 97), durationMs: duration,
                model: model, cost: Double(i) * 0.001, error: i % 7 == 0, user: "u\(i % 4)"
            )
        }
        _ = try await store.writeAndFlush(spans)
    }

    static func totals(_ rows: [RollupRow], _ merge: RollupMerge, fromMinute: Int64) -> [String: RollupMeasures] {
        var byKey: [String: RollupMeasures] = [:]
        for row in rows {
            let minute = merge.mergedMinute(row.key.minute, fromMinute: fromMinute)
            let kept = merge.keeping.sorted().map { row.key.value(of: $0) }
            byKey["\(minute)|\(kept)|\(row.key.role.rawValue)", default: RollupMeasures()].merge(row.measures)
        }
        return byKey
    }

    @Test(arguments: Kind.allCases)
    func mergedReadsOverHoursAddUpToTheirMinutes(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        try await Self.spreadOverHours(store)
        let m0 = Self.base / Self.minute
        let hour = UnixMinute.floorDivide(m0, 60) * 60
        let day = UnixMinute.floorDivide(m0, 1_440) * 1_440
        for grain in RollupGrain.allCases {
            let from = grain.rowMinute(m0)
            let to = m0 + 3_900
            let merges = [
                RollupMerge(keeping: [.model]), RollupMerge(stepMinutes: 60, originMinute: hour, keeping: [.model]),
                RollupMerge(stepMinutes: 60, originMinute: from, keeping: []), RollupMerge(stepMinutes: 120, originMinute: hour, keeping: [.status]),
                RollupMerge(stepMinutes: 30, originMinute: from, keeping: [.model]), RollupMerge(stepMinutes: 1_440, originMinute: day, keeping: [.user]),
                RollupMerge(stepMinutes: 10, originMinute: hour, keeping: []), RollupMerge(stepMinutes: 20, originMinute: hour + 10, keeping: [.model]),
            ]
            let minutes = try await store.rollups(RollupQuery(grain: grain, fromMinute: from, toMinute: to))
            for merge in merges {
                let merged = try await store.rollups(RollupQuery(grain: grain, fromMinute: from, toMinute: to, merge: merge))
                let expected = Self.totals(minutes, merge, fromMinute: from)
                let got = Self.totals(merged, merge, fromMinute: from)
                #expect(Set(got.keys) == Set(expected.keys), "\(grain) \(merge)")
                for (key, want) in expected {
                    let have = try #require(got[key], "\(grain) \(merge) \(key)")
                    #expect(have.count == want.count && have.errors == want.errors && have.totalTokens == want.totalTokens, "\(grain) \(key)")
                    #expect(abs(have.costUSD - want.costUSD) < 1e-9 && have.latency == want.latency, "\(grain) \(key)")
                }
            }
        }
    }

    @Test(arguments: Kind.allCases)
    func repricingReachesHourlyReads(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        try await Self.spreadOverHours(store)
        try await store.flushAggregates()
        _ = try await store.reprice(fromNanos: 0, toNanos: .max) { _ in 1.0 }
        let m0 = Self.base / Self.minute
        let rows = try await store.rollups(RollupQuery(grain: .core, fromMinute: m0, toMinute: m0 + 3_900, merge: RollupMerge(keeping: [])))
        #expect(rows.reduce(0) { $0 + $1.measures.costUSD } == 40)
    }
}
