import LoupeCore
import LoupeStore
import Testing

extension TelemetryStoreConformance {
    /// Rollup deltas that metrics measured: what a service that sends metrics and no spans adds.
    static func measured(calls: Int64, errors: Int64 = 0, inputTokens: Int64 = 0, cost: Double? = nil, model: String = "gpt-4o") -> RollupAggregator {
        var call = span(id: "0000000000000000", model: model)
        call.service = "metrics-only"
        call.role = [.call]
        var measures = RollupMeasures()
        measures.count = calls
        measures.errors = errors
        measures.inputTokens = inputTokens
        measures.totalTokens = inputTokens
        if let cost {
            measures.costUSD = cost
            measures.pricedCalls = calls
        }
        measures.latency.add(bucket: LatencyHistogram.bucketIndex(ofMs: 400), count: UInt64(calls))
        var rollups = RollupAggregator()
        rollups.add(measures, like: call)
        return rollups
    }

    @Test(arguments: Kind.allCases)
    func measuredRollupsAddUpInEveryGrainAndAreNeverDeduplicated(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let measured = SpanBatch(measuredRollups: Self.measured(calls: 5, errors: 1, inputTokens: 1_000, cost: 0.25))
        #expect(!measured.isEmpty)
        #expect(try await store.writeAndFlush(measured) == WriteOutcome())
        // Metrics have no identity to de-duplicate by: a second report is a second interval's calls.
        var withSpans = SpanBatch([Self.span(id: "0000000000000001")])
        withSpans.append(SpanBatch(measuredRollups: Self.measured(calls: 3)))
        #expect(try await store.writeAndFlush(withSpans) == WriteOutcome(inserted: 1))
        // A batch that repeats a stored span recomputes the spans' deltas, and still keeps the measured ones.
        var repeated = SpanBatch([Self.span(id: "0000000000000001")])
        repeated.append(SpanBatch(measuredRollups: Self.measured(calls: 2)))
        #expect(try await store.writeAndFlush(repeated) == WriteOutcome(duplicates: 1))

        let m0 = Self.base / Self.minute
        for grain in RollupGrain.allCases {
            var metricsOnly = RollupMeasures()
            let rows = try await store.rollups(RollupQuery(grain: grain, fromMinute: grain.rowMinute(m0), toMinute: m0 + 1))
            for row in rows where row.key.service == "metrics-only" { metricsOnly.merge(row.measures) }
            #expect(metricsOnly.count == 10, "\(grain)")
            #expect(metricsOnly.errors == 1, "\(grain)")
            #expect(metricsOnly.inputTokens == 1_000, "\(grain)")
            #expect(metricsOnly.knownCostUSD == 0.25, "\(grain)")
            #expect(metricsOnly.latency.count == 10, "\(grain)")
            #expect(rows.filter { $0.key.service == "rag" }.reduce(0) { $0 + $1.measures.count } == 1, "\(grain)")
        }
    }

    @Test(arguments: Kind.allCases)
    func anEmptyBatchChangesNothing(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        #expect(SpanBatch([]).isEmpty)
        #expect(try await store.writeAndFlush(SpanBatch(measuredRollups: RollupAggregator())) == WriteOutcome())
        let m0 = Self.base / Self.minute
        #expect(try await store.rollups(RollupQuery(grain: .core, fromMinute: m0, toMinute: m0 + 1)).isEmpty)
    }
}
