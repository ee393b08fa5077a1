import LoupeCore
import LoupeStore
import Testing

extension TelemetryStoreConformance {
    @Test(arguments: Kind.allCases)
    func rollupsKeepTimeToFirstTokenOfStreamedCalls(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        var streamed = Self.span(id: "0000000000000001", durationMs: 2_000)
        streamed.timeToFirstTokenMs = 250
        var later = Self.span(id: "0000000000000002", durationMs: 900)
        later.timeToFirstTokenMs = 800
        _ = try await store.writeAndFlush([streamed, later, Self.span(id: "0000000000000003")])
        let m0 = Self.base / Self.minute
        for grain in RollupGrain.allCases {
            for merge in [nil, RollupMerge(keeping: [.model])] {
                var measures = RollupMeasures()
                let query = RollupQuery(grain: grain, fromMinute: grain.rowMinute(m0), toMinute: m0 + 1, merge: merge)
                for row in try await store.rollups(query) { measures.merge(row.measures) }
                #expect(measures.count == 3, "\(grain)")
                #expect(measures.timeToFirstToken.count == 2, "\(grain)")
                let median = try #require(measures.timeToFirstToken.quantile(0.5))
                #expect(abs(median - 250) / 250 < 0.02, "\(grain)")
            }
        }
    }
}
