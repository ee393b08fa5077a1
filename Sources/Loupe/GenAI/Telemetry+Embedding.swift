extension Telemetry {
    /// Runs an embedding call in a `loupe.embedding` span (`embeddings {model}`, kind client) with
    /// `gen_ai.operation.name = embeddings`, provider and model, priced from the recorded input
    /// tokens.
    ///
    /// - Parameter inputCount: how many texts are embedded in this call, if known.
    public func embedding<Result>(
        provider: String, model: String, inputCount: Int? = nil, isolation: isolated (any Actor)? = #isolation,
        _ body: (EmbeddingCall) async throws -> Result
    ) async rethrows -> Result {
        let span = startGenAISpan(.embedding, kind: .client) {
            var attributes: [String: AttributeValue] = [
                GenAIAttributes.operationName: "embeddings",
                GenAIAttributes.providerName: .string(provider),
                GenAIAttributes.requestModel: .string(model),
                LoupeAttributes.operationKind: .string(OperationKind.embedding.rawValue),
            ]
            if let inputCount { attributes[LoupeAttributes.embeddingInputCount] = .int(Int64(inputCount)) }
            return GenAISpanSetup(
                name: "embeddings \(model)", attributes: attributes, finisher: costFinisher(evenWithoutUsage: false))
        }
        return try await span.run(isolation: isolation) { span in try await body(EmbeddingCall(span: span)) }
    }
}
