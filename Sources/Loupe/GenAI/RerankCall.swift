/// The running rerank call handed to the body of
/// ``Telemetry/rerank(provider:model:documentCount:topN:query:isolation:_:)``.
public struct RerankCall: Sendable {
    /// At most this many results are listed on the span; the count covers them all.
    public static let maxRecordedResults = 100

    /// The underlying span, for attributes the helper does not cover.
    public let span: Span

    /// Records the results, best first, as `loupe.rerank.results` (`{index, score}` objects),
    /// with `loupe.document_count` and `loupe.top_score`.
    public func recordResults(_ results: @autoclosure () -> [RerankResult]) {
        guard span.isRecording else { return }
        let results = results()
        span.setAttribute(
            LoupeAttributes.rerankResults, .array(results.prefix(RerankCall.maxRecordedResults).map(\.attributeValue)))
        span.recordDocumentCount(results.count, topScore: results.map(\.score).max())
    }

    /// Records token counts, for rerankers billed by the token.
    public func recordUsage(_ usage: TokenUsage) {
        span.recordUsage(usage)
    }

    /// Records `gen_ai.response.model`, the model that actually answered.
    public func recordResponseModel(_ model: String) {
        span.setAttribute(GenAIAttributes.responseModel, .string(model))
    }
}
