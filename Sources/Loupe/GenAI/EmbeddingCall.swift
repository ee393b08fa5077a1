/// The running embedding call handed to the body of
/// ``Telemetry/embedding(provider:model:inputCount:isolation:_:)``.
public struct EmbeddingCall: Sendable {
    /// The underlying span, for attributes the helper does not cover.
    public let span: Span

    /// Records the input tokens the provider billed; the call is priced from them.
    public func recordUsage(inputTokens: Int) {
        span.recordUsage(TokenUsage(input: Int64(inputTokens)))
    }

    /// Records `gen_ai.embeddings.dimension.count`.
    public func recordDimensions(_ count: Int) {
        span.setAttribute(GenAIAttributes.embeddingsDimensionCount, .int(Int64(count)))
    }

    /// Records `gen_ai.response.model`, the model that actually answered.
    public func recordResponseModel(_ model: String) {
        span.setAttribute(GenAIAttributes.responseModel, .string(model))
    }
}
