import LoupeCore
import LoupeStore
import Testing

extension TelemetryStoreConformance {
    /// One grain's rows over the first ten minutes, added up by role.
    static func measuresByRole(_ store: any TelemetryStore, grain: RollupGrain = .core) async throws -> [SpanRole: RollupMeasures] {
        var byRole: [SpanRole: RollupMeasures] = [:]
        let query = RollupQuery(
            grain: grain, fromMinute: grain.rowMinute(base / minute), toMinute: base / minute + 10, merge: RollupMerge(keeping: Set(TelemetryDimension.builtIn))
        )
        for row in try await store.rollups(query) { byRole[row.key.role, default: RollupMeasures()].merge(row.measures) }
        return byRole
    }

    /// One provider call reported by two instrumentations, each as a trace of its own, in one write
    /// or in two: one request, one call, its tokens and cost once; the second report stays a span.
    @Test(arguments: Kind.allCases)
    func oneProviderCallReportedTwiceCountsOnce(kind: Kind) async throws {
        for split in [false, true] {
            let store = try await Self.makeStore(kind)
            var framework = Self.span(trace: "0af7651916cd43dd8448eb211c80319c", id: "0000000000000001")
            var client = Self.span(trace: "1af7651916cd43dd8448eb211c80319c", id: "0000000000000002")
            var other = Self.span(trace: "2af7651916cd43dd8448eb211c80319c", id: "0000000000000003")
            framework.responseId = "chatcmpl-1"
            client.responseId = "chatcmpl-1"
            other.responseId = "chatcmpl-2"
            if split {
                #expect(try await store.writeAndFlush([client]) == WriteOutcome(inserted: 1))
                #expect(try await store.writeAndFlush([framework, other]) == WriteOutcome(inserted: 2, repeatedCalls: 1))
            } else {
                #expect(try await store.writeAndFlush([client, framework, other]) == WriteOutcome(inserted: 3, repeatedCalls: 1))
            }
            // Sent again, the repeated report is a duplicate, not a second repeat.
            #expect(try await store.writeAndFlush([framework]) == WriteOutcome(duplicates: 1))
            let byRole = try await Self.measuresByRole(store)
            #expect(byRole[[.request, .call]]?.count == 2, "split: \(split)")
            #expect(byRole[[]]?.count == 1, "split: \(split)")
            var all = RollupMeasures()
            for measures in byRole.values { all.merge(measures) }
            #expect(all.inputTokens == 200 && all.pricedCalls == 2, "split: \(split)")
            #expect(abs(all.costUSD - 0.02) < 1e-9, "split: \(split)")
            let repeated = try #require(try await store.spans(traceId: framework.traceId).first)
            #expect(repeated.role == [] && !repeated.countsUsage && repeated.responseId == "chatcmpl-1")
            let traces = try await store.traces(TraceQuery(fromNanos: Self.base, toNanos: Self.base + Self.minute))
            #expect(traces.first { $0.traceId == framework.traceId }?.inputTokens == 0)
        }
    }

    /// Some servers reuse response ids: a span with a claimed id is another call when it does not
    /// overlap the claim in time, or reports other token counts; it counts, and takes over the claim.
    @Test(arguments: Kind.allCases)
    func aResponseIdReusedByAnotherCallCountsAgain(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        var spans = [
            Self.span(trace: "0af7651916cd43dd8448eb211c80319c", id: "0000000000000001", minute: 0),
            Self.span(trace: "1af7651916cd43dd8448eb211c80319c", id: "0000000000000002", minute: 2),
            Self.span(trace: "2af7651916cd43dd8448eb211c80319c", id: "0000000000000003", minute: 2, input: 7),
            Self.span(trace: "3af7651916cd43dd8448eb211c80319c", id: "0000000000000004", minute: 2, input: 7),
        ]
        for i in spans.indices { spans[i].responseId = "chatcmpl-123" }
        #expect(try await store.writeAndFlush(Array(spans[0...1])) == WriteOutcome(inserted: 2))
        #expect(try await store.writeAndFlush(Array(spans[2...3])) == WriteOutcome(inserted: 2, repeatedCalls: 1))
        let byRole = try await Self.measuresByRole(store)
        #expect(byRole[[.request, .call]]?.count == 3 && byRole[[]]?.count == 1)
    }

    /// The same response id in two projects is two calls: projects never share a count.
    @Test(arguments: Kind.allCases)
    func responseIdsAreClaimedPerProject(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        var first = Self.span(trace: "0af7651916cd43dd8448eb211c80319c", id: "0000000000000001")
        var second = Self.span(trace: "1af7651916cd43dd8448eb211c80319c", id: "0000000000000002")
        first.responseId = "msg_01"
        second.responseId = "msg_01"
        second.project = "globex"
        #expect(try await store.writeAndFlush([first, second]) == WriteOutcome(inserted: 2))
    }

    /// Traces with a failed call count by root service, recovered or not, once each; a trace whose
    /// root has not arrived has no request yet.
    @Test(arguments: Kind.allCases)
    func tracesWithFailedCallsCountByRootService(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let recoveredRoot = Self.span(trace: "0af7651916cd43dd8448eb211c80319c", id: "0000000000000001", model: nil, operation: .chain)
        let failed1 = Self.span(trace: recoveredRoot.traceId, id: "0000000000000002", parent: recoveredRoot.spanId, error: true)
        let failed2 = Self.span(trace: recoveredRoot.traceId, id: "0000000000000003", parent: recoveredRoot.spanId, error: true)
        let cleanRoot = Self.span(trace: "1af7651916cd43dd8448eb211c80319c", id: "0000000000000004", model: nil, operation: .chain)
        let failedTool = Self.span(trace: cleanRoot.traceId, id: "0000000000000005", parent: cleanRoot.spanId, model: nil, operation: .tool, error: true)
        let orphan = Self.span(trace: "2af7651916cd43dd8448eb211c80319c", id: "0000000000000006", parent: "00000000000000ff", error: true)
        // The failed calls arrive first, their root in a later write.
        _ = try await store.writeAndFlush([failed1, failedTool, orphan])
        _ = try await store.writeAndFlush([failed2, recoveredRoot, cleanRoot])
        let range = TraceQuery(fromNanos: Self.base, toNanos: Self.base + Self.minute)
        #expect(try await store.tracesWithFailedCalls(range) == ["rag": 1])
        #expect(try await store.tracesWithFailedCalls(TraceQuery(fromNanos: Self.base, toNanos: Self.base + Self.minute, service: "other")) == [:])
        #expect(try await store.tracesWithFailedCalls(TraceQuery(fromNanos: Self.base + Self.minute, toNanos: Self.base + 2 * Self.minute)) == [:])
    }
}

extension TelemetryStoreConformance {
    /// A wrapper model span exported after the call it wraps (another export request, so the ingest
    /// pipeline saw them apart) steps aside when it arrives: one call. When only the wrapper reports
    /// tokens, they still count.
    @Test(arguments: Kind.allCases)
    func aWrapperStoredAfterItsCallStepsAside(kind: Kind) async throws {
        for childReportsUsage in [true, false] {
            let store = try await Self.makeStore(kind)
            let root = Self.span(id: "0000000000000001", model: nil, operation: .chain, input: nil, output: nil, cost: nil)
            let predict = Self.span(id: "0000000000000002", parent: root.spanId, durationMs: 90)
            let complete = Self.span(
                id: "0000000000000003", parent: predict.spanId, durationMs: 80,
                input: childReportsUsage ? 100 : nil, output: childReportsUsage ? 10 : nil, cost: childReportsUsage ? 0.01 : nil
            )
            _ = try await store.writeAndFlush([complete])
            #expect(try await store.writeAndFlush([predict, root]) == WriteOutcome(inserted: 2, repeatedCalls: 1))
            var all = RollupMeasures()
            for measures in try await Self.measuresByRole(store).values { all.merge(measures) }
            let calls = try await Self.measuresByRole(store).filter { $0.key.contains(.call) }.values.reduce(0) { $0 + $1.count }
            #expect(calls == 1, "child reports usage: \(childReportsUsage)")
            #expect(all.inputTokens == 100, "child reports usage: \(childReportsUsage)")
        }
    }
}
