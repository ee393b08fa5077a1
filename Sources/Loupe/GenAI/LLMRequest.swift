/// What an LLM call asks for; recorded when its span starts, because samplers and backends
/// group by these attributes.
public struct LLMRequest: Sendable, Hashable {
    public var operation: LLMOperation
    /// `gen_ai.provider.name`: `openai`, `anthropic`, `aws.bedrock`, `gcp.vertex_ai`…
    public var provider: String
    /// `gen_ai.request.model`: the model asked for.
    public var model: String
    /// Whether the response is streamed; streaming calls report time to first chunk and
    /// tokens per second from ``LLMCall/recordChunk(outputTokens:)``.
    public var isStreaming: Bool
    public var temperature: Double?
    public var maxTokens: Int?
    public var topP: Double?
    /// `gen_ai.conversation.id`: the session or thread, when the application has one.
    public var conversationID: String?
    public var serverAddress: String?
    public var serverPort: Int?

    public init(
        provider: String, model: String, operation: LLMOperation = .chat, isStreaming: Bool = false,
        temperature: Double? = nil, maxTokens: Int? = nil, topP: Double? = nil, conversationID: String? = nil,
        serverAddress: String? = nil, serverPort: Int? = nil
    ) {
        self.operation = operation
        self.provider = provider
        self.model = model
        self.isStreaming = isStreaming
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.topP = topP
        self.conversationID = conversationID
        self.serverAddress = serverAddress
        self.serverPort = serverPort
    }

    /// The span name the conventions prescribe: `{operation} {model}`.
    var spanName: String {
        "\(operation.rawValue) \(model)"
    }

    var attributes: [String: AttributeValue] {
        var attributes: [String: AttributeValue] = [
            GenAIAttributes.operationName: .string(operation.rawValue),
            GenAIAttributes.providerName: .string(provider),
            GenAIAttributes.requestModel: .string(model),
            LoupeAttributes.operationKind: .string(OperationKind.llm.rawValue),
        ]
        if isStreaming { attributes[GenAIAttributes.requestStream] = .bool(true) }
        if let temperature { attributes[GenAIAttributes.requestTemperature] = .double(temperature) }
        if let maxTokens { attributes[GenAIAttributes.requestMaxTokens] = .int(Int64(maxTokens)) }
        if let topP { attributes[GenAIAttributes.requestTopP] = .double(topP) }
        if let conversationID { attributes[GenAIAttributes.conversationID] = .string(conversationID) }
        if let serverAddress { attributes[GenAIAttributes.serverAddress] = .string(serverAddress) }
        if let serverPort { attributes[GenAIAttributes.serverPort] = .int(Int64(serverPort)) }
        return attributes
    }
}
