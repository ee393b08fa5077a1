/// The one table that maps every supported convention onto ``SpanRecord`` fields.
///
/// For each field the sources are tried in order and the first present value wins, so current
/// keys come before deprecated ones, and specific keys before generic ones. Sources come from the
/// OTel GenAI semantic conventions (v1.26 to v1.41 and the genai repository), OpenInference,
/// the Vercel AI SDK (v4 to v7) and Traceloop OpenLLMetry (legacy and current shapes).
public enum ConventionTable {
    public static let provider: [AttributeSource] = [
        .init("gen_ai.provider.name", .openTelemetryGenAI),
        .init("llm.provider", .openInference),
        .init("gen_ai.system", .openTelemetryGenAI),
        .init("llm.system", .openInference),
        .init("ai.model.provider", .vercelAI),
    ]

    public static let requestModel: [AttributeSource] = [
        .init("gen_ai.request.model", .openTelemetryGenAI),
        .init("llm.request.model_name", .openInference),
        .init("llm.model_name", .openInference),
        .init("embedding.model_name", .openInference),
        .init("reranker.model_name", .openInference),
        .init("ai.model.id", .vercelAI),
    ]

    public static let responseModel: [AttributeSource] = [
        .init("gen_ai.response.model", .openTelemetryGenAI),
        .init("llm.response.model_name", .openInference),
        .init("ai.response.model", .vercelAI),
    ]

    public static let inputTokens: [AttributeSource] = [
        .init("gen_ai.usage.input_tokens", .openTelemetryGenAI),
        .init("gen_ai.usage.prompt_tokens", .openTelemetryGenAI),
        .init("llm.token_count.prompt", .openInference),
        .init("ai.usage.inputTokens", .vercelAI),
        .init("ai.usage.promptTokens", .vercelAI),
        .init("ai.usage.tokens", .vercelAI),
        .init("llm.usage.prompt_tokens", .openLLMetry),
    ]

    public static let outputTokens: [AttributeSource] = [
        .init("gen_ai.usage.output_tokens", .openTelemetryGenAI),
        .init("gen_ai.usage.completion_tokens", .openTelemetryGenAI),
        .init("llm.token_count.completion", .openInference),
        .init("ai.usage.outputTokens", .vercelAI),
        .init("ai.usage.completionTokens", .vercelAI),
        .init("llm.usage.completion_tokens", .openLLMetry),
    ]

    public static let totalTokens: [AttributeSource] = [
        .init("gen_ai.usage.total_tokens", .openLLMetry),
        .init("llm.token_count.total", .openInference),
        .init("ai.usage.totalTokens", .vercelAI),
        .init("llm.usage.total_tokens", .openLLMetry),
    ]

    public static let cacheReadTokens: [AttributeSource] = [
        .init("gen_ai.usage.cache_read.input_tokens", .openTelemetryGenAI),
        .init("gen_ai.usage.cache_read_input_tokens", .openLLMetry),
        .init("llm.token_count.prompt_details.cache_read", .openInference),
        .init("ai.usage.inputTokenDetails.cacheReadTokens", .vercelAI),
        .init("ai.usage.cachedInputTokens", .vercelAI),
    ]

    public static let cacheWriteTokens: [AttributeSource] = [
        .init("gen_ai.usage.cache_creation.input_tokens", .openTelemetryGenAI),
        .init("gen_ai.usage.cache_write.input_tokens", .openTelemetryGenAI),
        .init("gen_ai.usage.cache_creation_input_tokens", .openLLMetry),
        .init("llm.token_count.prompt_details.cache_write", .openInference),
        .init("ai.usage.inputTokenDetails.cacheWriteTokens", .vercelAI),
    ]

    public static let reasoningTokens: [AttributeSource] = [
        .init("gen_ai.usage.reasoning.output_tokens", .openTelemetryGenAI),
        .init("gen_ai.usage.reasoning_tokens", .openLLMetry),
        .init("llm.token_count.completion_details.reasoning", .openInference),
        .init("ai.usage.outputTokenDetails.reasoningTokens", .vercelAI),
        .init("ai.usage.reasoningTokens", .vercelAI),
        .init("llm.usage.reasoning_tokens", .openLLMetry),
    ]

    /// Time to first token, stored in milliseconds. OTel and Vercel v7 speak seconds, legacy Vercel milliseconds.
    public static let timeToFirstToken: [AttributeSource] = [
        .init("gen_ai.response.time_to_first_chunk", .openTelemetryGenAI, unit: .secondsToMilliseconds),
        .init("gen_ai.client.operation.time_to_first_chunk", .vercelAI, unit: .secondsToMilliseconds),
        .init("ai.response.msToFirstChunk", .vercelAI),
        .init("ai.stream.msToFirstChunk", .vercelAI),
    ]

    /// The provider's id for one response (`chatcmpl-…`, `msg_…`): the same call reported twice carries it twice.
    /// OpenInference has no attribute for it; ``SpanNormalizer`` reads it from `output.value`.
    public static let responseId: [AttributeSource] = [
        .init("gen_ai.response.id", .openTelemetryGenAI),
        .init("ai.response.id", .vercelAI),
    ]

    public static let finishReason: [AttributeSource] = [
        .init("gen_ai.response.finish_reasons", .openTelemetryGenAI),
        .init("llm.finish_reason", .openInference),
        .init("ai.response.finishReason", .vercelAI),
        .init("gen_ai.response.finish_reason", .openLLMetry),
        .init("gen_ai.completion.0.finish_reason", .openLLMetry),
    ]

    public static let userId: [AttributeSource] = [
        .init("user.id", .openTelemetry),
        .init("enduser.id", .openTelemetry),
        .init("loupe.user.id", .loupe),
        .init("traceloop.association.properties.user_id", .openLLMetry),
        .init("ai.telemetry.metadata.userId", .vercelAI),
        .init("ai.telemetry.metadata.user_id", .vercelAI),
        .init("ai.settings.context.userId", .vercelAI),
        .init("gen_ai.user", .openLLMetry),
        .init("llm.user", .openLLMetry),
    ]

    public static let sessionId: [AttributeSource] = [
        .init("gen_ai.conversation.id", .openTelemetryGenAI),
        .init("session.id", .openInference),
        .init("loupe.session.id", .loupe),
        .init("traceloop.association.properties.session_id", .openLLMetry),
        .init("ai.telemetry.metadata.sessionId", .vercelAI),
        .init("ai.telemetry.metadata.session_id", .vercelAI),
        .init("ai.settings.context.sessionId", .vercelAI),
    ]

    public static let errorType: [AttributeSource] = [
        .init("error.type", .openTelemetry),
    ]

    /// Resource keys naming the Loupe project a span belongs to.
    public static let project: [AttributeSource] = [
        .init("loupe.project", .loupe),
        .init("openinference.project.name", .openInference),
    ]

    /// Prefixes under which conventions carry user-defined metadata; business dimensions are looked up under each.
    public static let metadataPrefixes: [String] = [
        "", "loupe.dim.", "ai.telemetry.metadata.", "ai.settings.context.", "traceloop.association.properties.",
        "metadata.", "tag.",
    ]

    /// Attributes that carry prompt, completion, tool or document content: redacted before storage,
    /// or dropped when content capture is off.
    public static let contentKeys: Set<String> = [
        "gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions", "gen_ai.prompt", "gen_ai.completion",
        "gen_ai.tool.call.arguments", "gen_ai.tool.call.result", "gen_ai.retrieval.query.text", "gen_ai.retrieval.documents",
        "input.value", "output.value", "llm.prompt_template.variables", "reranker.query",
        "ai.prompt", "ai.prompt.messages", "ai.response.text", "ai.response.object", "ai.response.toolCalls",
        "ai.response.reasoning", "ai.toolCall.args", "ai.toolCall.result", "ai.value", "ai.values",
        "traceloop.entity.input", "traceloop.entity.output",
    ]

    /// Prefixes of flattened content keys (`llm.input_messages.0.message.content`, `gen_ai.prompt.0.content`).
    public static let contentKeyPrefixes: [String] = [
        "gen_ai.prompt.", "gen_ai.completion.", "llm.input_messages.", "llm.output_messages.", "llm.prompts.",
        "llm.choices.", "retrieval.documents.", "reranker.input_documents.", "reranker.output_documents.",
        "embedding.embeddings.", "db.query.result.",
    ]

    /// Labels under a content prefix that name, rather than hold, content: the prompt's name and version.
    public static let labelKeys: Set<String> = ["gen_ai.prompt.name", "gen_ai.prompt.version"]

    public static func isContent(_ key: String) -> Bool {
        contentKeys.contains(key) || contentKeyPrefixes.contains { key.hasPrefix($0) } && !labelKeys.contains(key)
    }

    /// Span events whose attributes are content (the pre-1.37 GenAI message events, OpenLLMetry results).
    public static func isContentEvent(_ name: String) -> Bool {
        name.hasPrefix("gen_ai.") && (name.hasSuffix(".message") || name == "gen_ai.choice") || name == "db.query.result"
    }

    /// Span events that repeat per streamed chunk; they are counted, not stored.
    public static let chunkEvents: Set<String> = [
        "gen_ai.content.completion.chunk", "llm.content.completion.chunk",
    ]
}
