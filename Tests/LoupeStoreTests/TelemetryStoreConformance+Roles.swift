import LoupeCore
import LoupeStore
import Testing

extension TelemetryStoreConformance {
    /// Rollups keep each span's role, so requests, calls and spans add up apart in every grain.
    @Test(arguments: Kind.allCases)
    func rollupsKeepRequestsCallsAndSpansApart(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        var root = Self.span(id: "0000000000000001", durationMs: 900, model: nil, operation: .chain, input: nil, output: nil, cost: nil, error: true)
        root.role = .request
        let retrieval = Self.span(id: "0000000000000002", parent: root.spanId, durationMs: 40, model: nil, operation: .retrieval, input: nil, output: nil, cost: nil)
        let call = Self.span(id: "0000000000000003", parent: root.spanId, durationMs: 700, error: true)
        var unpriced = Self.span(id: "0000000000000004", parent: root.spanId, durationMs: 50, model: "house-7b", cost: nil)
        unpriced.role = .call
        // A bare model call traced alone is a request and a call.
        let bare = Self.span(trace: "1af7651916cd43dd8448eb211c80319c", id: "0000000000000005", durationMs: 300)
        _ = try await store.writeAndFlush([root, retrieval, call, unpriced, bare])
        for grain in RollupGrain.allCases {
            let byRole = try await Self.measuresByRole(store, grain: grain)
            #expect(byRole[.request]?.count == 1, "\(grain)")
            #expect(byRole[.request]?.errors == 1, "\(grain)")
            #expect(byRole[.call]?.count == 2, "\(grain)")
            #expect(byRole[[.request, .call]]?.count == 1, "\(grain)")
            #expect(byRole[[]]?.count == 1, "\(grain)")
            let requestLatency = try #require(byRole[.request]?.latency.quantile(0.5))
            #expect(abs(requestLatency - 900) / 900 < 0.011, "\(grain)")
            var all = RollupMeasures()
            for measures in byRole.values { all.merge(measures) }
            #expect(all.count == 5 && all.errors == 2, "\(grain)")
            #expect(all.pricedCalls == 2 && all.unpricedCalls == 1, "\(grain)")
        }
        // The role survives a round trip through the store.
        let stored = try await store.spans(traceId: root.traceId)
        let roles = Dictionary(uniqueKeysWithValues: stored.map { ($0.spanId, $0.role) })
        #expect(roles == [root.spanId: .request, retrieval.spanId: [], call.spanId: .call, unpriced.spanId: .call])
    }
}
