/// Keys under `loupe.` for what the OpenTelemetry conventions do not cover.
public enum LoupeAttributes {
    /// The ``OperationKind`` raw value; Loupe's server reads it before any other convention.
    public static let operationKind = "loupe.operation.kind"
    /// The call's cost in US dollars, from the configured ``GenAIPricing``.
    public static let costUSD = "loupe.cost.usd"
    /// Output tokens per second after the first chunk of a streaming call.
    public static let outputTokensPerSecond = "loupe.output_tokens_per_second"
    /// Chunks received by a streaming call.
    public static let chunkCount = "loupe.stream.chunk_count"
    /// Documents a retrieval returned or a rerank scored.
    public static let documentCount = "loupe.document_count"
    /// The highest score among retrieved or reranked documents.
    public static let topScore = "loupe.top_score"
    /// Rerank results as `{index, score}` objects, best first.
    public static let rerankResults = "loupe.rerank.results"
    /// Documents sent to a reranker.
    public static let rerankInputDocuments = "loupe.rerank.input_documents"
    /// Inputs (texts) sent to an embedding model.
    public static let embeddingInputCount = "loupe.embedding.input_count"
    /// The step number of an agent step.
    public static let agentStep = "loupe.agent.step"
    /// The name of a pipeline stage.
    public static let stageName = "loupe.stage.name"
    /// On ``EventName/handlerFailure``: the detached handler.
    public static let handlerID = "loupe.handler.id"
    /// On ``EventName/handlerFailure``: the event the handler failed on.
    public static let eventName = "loupe.event.name"
}
