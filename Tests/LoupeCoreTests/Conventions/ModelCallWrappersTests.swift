import LoupeCore
import Testing

/// A model call wrapped in another model span counts once, whichever instrumentation nested them.
struct ModelCallWrappersTests {
    func span(_ id: String, parent: String?, _ operation: OperationKind, tokens: Int64? = nil, model: String = "mock-llm") -> SpanRecord {
        SpanRecord(
            traceId: "t1", spanId: id, parentSpanId: parent, name: id, operation: operation, startNanos: 0, endNanos: 1,
            requestModel: operation.isModelCall ? model : nil, usage: TokenUsage(input: tokens, output: tokens.map { $0 / 2 }),
            countsUsage: operation.isModelCall, costUSD: tokens.map { Double($0) / 1e6 }
        )
    }

    /// OpenInference's LlamaIndex instrumentation: `predict` around `complete`, the tokens on the inner one.
    @Test func theOuterOfTwoNestedModelSpansIsTheWrapper() {
        var spans = [
            span("query", parent: nil, .chain),
            span("predict", parent: "query", .llm),
            span("complete", parent: "predict", .llm, tokens: 100),
            span("embed-outer", parent: "query", .embedding, model: "mock-embed"),
            span("embed-inner", parent: "embed-outer", .embedding, tokens: 8, model: "mock-embed"),
        ]
        ModelCallWrappers.resolve(&spans)
        #expect(spans.filter { $0.role.contains(.call) }.map(\.spanId) == ["complete", "embed-inner"])
        #expect(spans.filter(\.countsUsage).map(\.spanId) == ["complete", "embed-inner"])
        #expect(spans[1].costUSD == nil)
        #expect(spans[0].role == .request)
    }

    /// A framework span (LangChain's ChatOpenAI) with usage around a client span without it: the framework's counts.
    @Test func whenOnlyTheOuterSpanReportsUsageTheInnerStepsAside() {
        var spans = [span("chat-model", parent: nil, .llm, tokens: 50), span("client", parent: "chat-model", .llm)]
        ModelCallWrappers.resolve(&spans)
        #expect(spans.map { $0.role.contains(.call) } == [true, false])
        #expect(spans[0].role == [.request, .call])
    }

    /// An agent loop's calls are siblings under a chain, and an embedding under an LLM span is another call.
    @Test func siblingsAndOtherKindsStayCalls() {
        var spans = [
            span("agent", parent: nil, .chain),
            span("call-1", parent: "agent", .llm, tokens: 10),
            span("call-2", parent: "agent", .llm, tokens: 10),
            span("embed", parent: "call-2", .embedding, tokens: 3),
        ]
        ModelCallWrappers.resolve(&spans)
        #expect(spans.filter { $0.role.contains(.call) }.count == 3)
    }
}
