import LoupeCore
import LoupeStore
import Testing

extension TelemetryStoreConformance {
    /// Root operations count traces whose root arrived, per service and root name; the traces of
    /// one can be listed, and their spans read in one call.
    @Test(arguments: Kind.allCases)
    func rootOperationsAndTheirSpans(kind: Kind) async throws {
        let store = try await Self.makeStore(kind)
        let traces = ["0af7651916cd43dd8448eb211c80319c", "1af7651916cd43dd8448eb211c80319c", "2af7651916cd43dd8448eb211c80319c"]
        var spans: [SpanRecord] = []
        for (i, trace) in traces.enumerated() {
            var root = Self.span(trace: trace, id: "0000000000000001", model: nil, operation: .chain)
            root.name = i < 2 ? "POST /answer" : "GET /search"
            spans += [root, Self.span(trace: trace, id: "0000000000000002", parent: root.spanId)]
        }
        // A trace whose root has not arrived has no root operation yet.
        spans.append(Self.span(trace: "3af7651916cd43dd8448eb211c80319c", id: "0000000000000002", parent: "0000000000000001"))
        _ = try await store.writeAndFlush(spans)
        let range = TraceQuery(fromNanos: Self.base, toNanos: Self.base + Self.minute)
        #expect(try await store.rootOperations(range) == [
            RootOperation(service: "rag", name: "POST /answer", traces: 2), RootOperation(service: "rag", name: "GET /search", traces: 1),
        ])
        var answers = range
        answers.rootName = "POST /answer"
        let listed = try await store.traces(answers)
        #expect(Set(listed.map(\.traceId)) == Set(traces.prefix(2)))
        let read = try await store.spans(traceIds: listed.map(\.traceId) + ["ffffffffffffffffffffffffffffffff"], withContent: true)
        #expect(read.count == 4)
        #expect(Set(read.map(\.traceId)) == Set(traces.prefix(2)))
        #expect(read.allSatisfy { !$0.attributes.isEmpty && !$0.resourceAttributes.isEmpty })
        let light = try await store.spans(traceIds: listed.map(\.traceId), withContent: false)
        #expect(light == read.map(\.withoutContent))
        #expect(try await store.spans(traceIds: [], withContent: false).isEmpty)
    }
}
