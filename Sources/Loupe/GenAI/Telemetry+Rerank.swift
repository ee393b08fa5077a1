extension Telemetry {
    /// Runs a rerank call in a `loupe.rerank` span (`rerank {model}`, kind client) with
    /// `gen_ai.operation.name = rerank`, provider and model.
    ///
    /// Rerankers often bill per request, so the call is priced when the catalog has a
    /// per-request price even if no tokens were recorded.
    ///
    /// - Parameters:
    ///   - documentCount: how many documents are sent to be scored.
    ///   - topN: how many results are asked for (`gen_ai.request.top_k`).
    ///   - query: recorded (redacted) only when content capture is on, and not evaluated otherwise.
    public func rerank<Result>(
        provider: String, model: String, documentCount: Int, topN: Int? = nil,
        query: @autoclosure () -> String? = nil, isolation: isolated (any Actor)? = #isolation,
        _ body: (RerankCall) async throws -> Result
    ) async rethrows -> Result {
        let span = startGenAISpan(.rerank, kind: .client) {
            var attributes: [String: AttributeValue] = [
                GenAIAttributes.operationName: "rerank",
                GenAIAttributes.providerName: .string(provider),
                GenAIAttributes.requestModel: .string(model),
                LoupeAttributes.rerankInputDocuments: .int(Int64(documentCount)),
                LoupeAttributes.operationKind: .string(OperationKind.rerank.rawValue),
            ]
            if let topN { attributes[GenAIAttributes.requestTopK] = .int(Int64(topN)) }
            if configuration.contentCapture.isEnabled, let text = query().flatMap(configuration.contentCapture.prepare) {
                attributes[GenAIAttributes.retrievalQueryText] = .string(text)
            }
            return GenAISpanSetup(
                name: "rerank \(model)", attributes: attributes, finisher: costFinisher(evenWithoutUsage: true))
        }
        return try await span.run(isolation: isolation) { span in try await body(RerankCall(span: span)) }
    }
}
