/// OpenTelemetry GenAI semantic-convention keys (v1.41) the GenAI helpers record.
///
/// Declared once so handlers and tests use the same spelling the helpers write.
public enum GenAIAttributes {
    public static let operationName = "gen_ai.operation.name"
    public static let providerName = "gen_ai.provider.name"
    public static let requestModel = "gen_ai.request.model"
    public static let requestStream = "gen_ai.request.stream"
    public static let requestTemperature = "gen_ai.request.temperature"
    public static let requestMaxTokens = "gen_ai.request.max_tokens"
    public static let requestTopP = "gen_ai.request.top_p"
    public static let requestTopK = "gen_ai.request.top_k"
    public static let requestEncodingFormats = "gen_ai.request.encoding_formats"
    public static let responseModel = "gen_ai.response.model"
    public static let responseID = "gen_ai.response.id"
    public static let responseFinishReasons = "gen_ai.response.finish_reasons"
    /// Seconds, as a double.
    public static let responseTimeToFirstChunk = "gen_ai.response.time_to_first_chunk"
    public static let usageInputTokens = "gen_ai.usage.input_tokens"
    public static let usageOutputTokens = "gen_ai.usage.output_tokens"
    public static let usageCacheReadInputTokens = "gen_ai.usage.cache_read.input_tokens"
    public static let usageCacheCreationInputTokens = "gen_ai.usage.cache_creation.input_tokens"
    public static let usageReasoningOutputTokens = "gen_ai.usage.reasoning.output_tokens"
    public static let conversationID = "gen_ai.conversation.id"
    public static let embeddingsDimensionCount = "gen_ai.embeddings.dimension.count"
    public static let dataSourceID = "gen_ai.data_source.id"
    public static let retrievalDocuments = "gen_ai.retrieval.documents"
    /// Opt-in content.
    public static let retrievalQueryText = "gen_ai.retrieval.query.text"
    public static let toolName = "gen_ai.tool.name"
    public static let toolCallID = "gen_ai.tool.call.id"
    public static let toolType = "gen_ai.tool.type"
    public static let toolDescription = "gen_ai.tool.description"
    /// Opt-in content.
    public static let toolCallArguments = "gen_ai.tool.call.arguments"
    /// Opt-in content.
    public static let toolCallResult = "gen_ai.tool.call.result"
    public static let agentName = "gen_ai.agent.name"
    public static let agentID = "gen_ai.agent.id"
    public static let workflowName = "gen_ai.workflow.name"
    /// Opt-in content: a JSON array of `{role, parts}` messages.
    public static let inputMessages = "gen_ai.input.messages"
    /// Opt-in content: a JSON array of `{role, parts, finish_reason}` messages.
    public static let outputMessages = "gen_ai.output.messages"
    /// Opt-in content: a JSON array of text parts.
    public static let systemInstructions = "gen_ai.system_instructions"
    public static let serverAddress = "server.address"
    public static let serverPort = "server.port"
}
