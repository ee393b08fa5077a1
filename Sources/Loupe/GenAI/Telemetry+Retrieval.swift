extension Telemetry {
    /// Runs a retrieval (vector search, keyword search, a memory lookup) in a `loupe.retrieval`
    /// span (`retrieval {dataSource}`, kind client) with `gen_ai.operation.name = retrieval` and
    /// `gen_ai.data_source.id`.
    ///
    /// - Parameters:
    ///   - dataSource: `gen_ai.data_source.id`: the index, collection or store searched.
    ///   - provider: the search or embedding provider, when there is one.
    ///   - model: the model the search used, when there is one.
    ///   - topK: how many documents were asked for.
    ///   - query: the query text; recorded (redacted) only when content capture is on, and not
    ///     evaluated otherwise.
    public func retrieval<Result>(
        dataSource: String, provider: String? = nil, model: String? = nil, topK: Int? = nil,
        query: @autoclosure () -> String? = nil, isolation: isolated (any Actor)? = #isolation,
        _ body: (RetrievalCall) async throws -> Result
    ) async rethrows -> Result {
        let span = startGenAISpan(.retrieval, kind: .client) {
            var attributes: [String: AttributeValue] = [
                GenAIAttributes.operationName: "retrieval",
                GenAIAttributes.dataSourceID: .string(dataSource),
                LoupeAttributes.operationKind: .string(OperationKind.retrieval.rawValue),
            ]
            if let provider { attributes[GenAIAttributes.providerName] = .string(provider) }
            if let model { attributes[GenAIAttributes.requestModel] = .string(model) }
            if let topK { attributes[GenAIAttributes.requestTopK] = .int(Int64(topK)) }
            if configuration.contentCapture.isEnabled, let text = query().flatMap(configuration.contentCapture.prepare) {
                attributes[GenAIAttributes.retrievalQueryText] = .string(text)
            }
            return GenAISpanSetup(name: "retrieval \(dataSource)", attributes: attributes, finisher: nil)
        }
        return try await span.run(isolation: isolation) { span in try await body(RetrievalCall(span: span)) }
    }
}
