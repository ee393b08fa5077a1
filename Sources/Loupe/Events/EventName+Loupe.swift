extension EventName {
    /// The root of every event Loupe itself emits; attach to it as a prefix to see them all.
    public static let loupe: EventName = "loupe"

    /// Emitted after a handler threw and was detached. Metadata: `loupe.handler.id`,
    /// `loupe.event.name`, `error.type`, `exception.message`.
    public static let handlerFailure: EventName = "loupe.handler.failure"

    /// The span prefix of ``Telemetry/llmCall(_:isolation:_:)``: chat, completion, streaming.
    public static let llmCall: EventName = "loupe.llm.call"
    /// The span prefix of ``Telemetry/embedding(provider:model:inputCount:isolation:_:)``.
    public static let embedding: EventName = "loupe.embedding"
    /// The span prefix of ``Telemetry/retrieval(dataSource:provider:model:topK:query:isolation:_:)``.
    public static let retrieval: EventName = "loupe.retrieval"
    /// The span prefix of ``Telemetry/rerank(provider:model:documentCount:topN:query:isolation:_:)``.
    public static let rerank: EventName = "loupe.rerank"
    /// The span prefix of ``Telemetry/toolCall(_:callID:type:description:isolation:_:)``.
    public static let toolCall: EventName = "loupe.tool.call"
    /// The span prefix of ``Telemetry/agentStep(agent:agentID:step:conversationID:isolation:_:)``.
    public static let agentStep: EventName = "loupe.agent.step"
    /// The span prefix of ``Telemetry/stage(_:kind:attributes:isolation:_:)``.
    public static let stage: EventName = "loupe.stage"
}
