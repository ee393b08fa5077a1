/// Finds model spans that only wrap another model span of the same call, so the call counts once.
///
/// Instrumentations nest model spans: OpenInference's LlamaIndex instrumentation emits `predict`
/// around `complete` (both naming the model), and a framework span (LangChain's `ChatOpenAI`,
/// LlamaIndex's `OpenAI.complete`) wraps the OpenAI client instrumentation's own span. A model span
/// whose direct child is a model span of the same operation kind is the wrapper: it keeps its
/// place in the tree and in span counts, but is no call and its tokens and cost do not count.
/// When only the wrapper reports usage, it is the child that steps aside instead.
///
/// This sees one export request at a time. When the child was exported in an earlier request (OTel
/// SDKs export a span when it ends, children first, and a batch may close between the two), the
/// store makes the wrapper step aside as it arrives (the `TelemetryStore` contract); only a wrapper stored
/// before its child, which needs a child that outlives its parent, still counts twice.
public enum ModelCallWrappers {
    public static func resolve(_ spans: inout [SpanRecord]) {
        var callIndex: [SpanKey: Int] = [:]
        for (i, span) in spans.enumerated() where span.role.contains(.call) {
            callIndex[SpanKey(traceId: span.traceId, spanId: span.spanId)] = i
        }
        guard callIndex.count > 1 else { return }
        for child in spans.indices where spans[child].role.contains(.call) {
            guard let parentId = spans[child].parentSpanId,
                let parent = callIndex[SpanKey(traceId: spans[child].traceId, spanId: parentId)],
                spans[parent].operation == spans[child].operation
            else { continue }
            let onlyParentReports = spans[parent].usage.isReported && !spans[child].usage.isReported
            let wrapper = onlyParentReports ? child : parent
            spans[wrapper].stepAsideFromCall()
        }
    }

    private struct SpanKey: Hashable {
        var traceId: String
        var spanId: String
    }
}
