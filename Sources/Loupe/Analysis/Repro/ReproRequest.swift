import Foundation

/// A failed LLM call's request, rebuilt from its `exception` event as an OpenAI-compatible chat
/// completion body, with every text redacted.
struct ReproRequest: Sendable {
    struct Message: Sendable {
        var role: String
        var content: String
    }

    var provider: String?
    var model: String
    /// `temperature`, `max_tokens`, `top_p`, `stream`, as the call asked for them.
    var parameters: [String: AttributeValue]
    var messages: [Message]
    /// False when content capture was off, so the messages are a placeholder.
    var contentCaptured: Bool
    var baseURL: String
    var errorType: String?
    var errorMessage: String?
    var traceID: String?
    var spanID: String?
    var capturedAtUnixNanos: Int64

    /// Error messages are cut to this many characters: the head says what went wrong.
    static let maxErrorCharacters = 2_000

    init(event: TelemetryEvent, redactor: Redactor, baseURLs: [String: String], capturedAtUnixNanos: Int64) {
        let metadata = event.metadata
        func text(_ key: String) -> String? { metadata[key]?.stringValue }
        provider = text(GenAIAttributes.providerName)
        model = text(GenAIAttributes.requestModel) ?? text(GenAIAttributes.responseModel) ?? "unknown-model"
        var parameters: [String: AttributeValue] = [:]
        if let value = metadata[GenAIAttributes.requestTemperature]?.doubleValue {
            parameters["temperature"] = .double(value)
        }
        if let value = metadata[GenAIAttributes.requestMaxTokens]?.intValue { parameters["max_tokens"] = .int(value) }
        if let value = metadata[GenAIAttributes.requestTopP]?.doubleValue { parameters["top_p"] = .double(value) }
        if metadata[GenAIAttributes.requestStream]?.boolValue == true { parameters["stream"] = .bool(true) }
        self.parameters = parameters

        var messages: [Message] = []
        if let system = text(GenAIAttributes.systemInstructions).flatMap(Self.textOfParts), !system.isEmpty {
            messages.append(Message(role: "system", content: system))
        }
        messages += text(GenAIAttributes.inputMessages).map { Self.messages(fromJSON: $0) } ?? []
        contentCaptured = !messages.isEmpty
        // A runnable request needs a message; this one says what to put there.
        let placeholder = Message(role: "user", content: "<content capture was off: put the prompt here>")
        self.messages = (contentCaptured ? messages : [placeholder]).map {
            Message(role: $0.role, content: redactor.redact($0.content).text)
        }

        baseURL = Self.baseURL(
            provider: provider, configured: baseURLs, serverAddress: text(GenAIAttributes.serverAddress),
            serverPort: metadata[GenAIAttributes.serverPort]?.intValue)
        errorType = text(ErrorAttributes.errorType) ?? text(ErrorAttributes.exceptionType)
        errorMessage = text(ErrorAttributes.exceptionMessage).map {
            String(redactor.redact($0).text.prefix(Self.maxErrorCharacters))
        }
        traceID = event.spanContext?.traceID.hexString
        spanID = event.spanContext?.spanID.hexString
        self.capturedAtUnixNanos = capturedAtUnixNanos
    }

    /// The chat completion body, each message's content cut to `maxContentCharacters` when given.
    func body(maxContentCharacters: Int?) -> [String: AttributeValue] {
        var body = parameters
        body["model"] = .string(model)
        body["messages"] = .array(
            messages.map { message in
                var content = message.content
                if let limit = maxContentCharacters, content.count > limit {
                    content = String(content.prefix(limit)) + "…[truncated by Loupe]"
                }
                return .kvlist(["role": .string(message.role), "content": .string(content)])
            })
        return body
    }

    /// The reproduction document: the body plus what failed, when, and where it was sent.
    func document(body: [String: AttributeValue], truncated: Bool) -> String {
        var document: [String: AttributeValue] = [
            "loupe_repro_version": 1,
            "captured_at": .string(UTCTimestamp.iso8601(unixNanos: capturedAtUnixNanos)),
            "model": .string(model),
            "endpoint": .string(endpoint),
            "request": .kvlist(body),
            "content_captured": .bool(contentCaptured),
            "truncated": .bool(truncated),
        ]
        if let provider { document["provider"] = .string(provider) }
        if let traceID { document["trace_id"] = .string(traceID) }
        if let spanID { document["span_id"] = .string(spanID) }
        var error: [String: AttributeValue] = [:]
        if let errorType { error["type"] = .string(errorType) }
        if let errorMessage { error["message"] = .string(errorMessage) }
        document["error"] = .kvlist(error)
        return JSONWriter.encode(document) + "\n"
    }

    var endpoint: String {
        baseURL + "/chat/completions"
    }

    /// Known providers' OpenAI-compatible endpoints, by `gen_ai.provider.name`.
    static let defaultBaseURLs: [String: String] = [
        "openai": "https://api.openai.com/v1",
        "anthropic": "https://api.anthropic.com/v1",
        "gcp.gemini": "https://generativelanguage.googleapis.com/v1beta/openai",
        "mistral_ai": "https://api.mistral.ai/v1",
        "groq": "https://api.groq.com/openai/v1",
        "deepseek": "https://api.deepseek.com/v1",
        "x_ai": "https://api.x.ai/v1",
    ]

    /// The configured URL for the provider, else the server the call went to (a self-hosted
    /// OpenAI-compatible server such as vLLM), else OpenAI's. Only URL characters are accepted,
    /// because the URL is written into a shell script.
    static func baseURL(
        provider: String?, configured: [String: String], serverAddress: String?, serverPort: Int64?
    ) -> String {
        let fallback = "https://api.openai.com/v1"
        var candidate = provider.flatMap { configured[$0] }
        if candidate == nil, let serverAddress {
            candidate = "https://" + serverAddress + (serverPort.map { ":\($0)" } ?? "") + "/v1"
        }
        guard var url = candidate, isSafeURL(url) else { return fallback }
        while url.hasSuffix("/") { url.removeLast() }
        return url.isEmpty ? fallback : url
    }

    private static func isSafeURL(_ url: String) -> Bool {
        let punctuation = Set("-._~:/%[]@".unicodeScalars)
        return (url.hasPrefix("https://") || url.hasPrefix("http://"))
            && url.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || punctuation.contains(scalar)
            }
    }

    /// Messages in the OpenTelemetry GenAI schema (`[{"role", "parts": [{"type": "text", "content"}]}]`),
    /// keeping the text parts of each.
    static func messages(fromJSON json: String) -> [Message] {
        guard let array = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [[String: Any]] else {
            return []
        }
        return array.compactMap { object in
            guard let role = object["role"] as? String else { return nil }
            let parts = object["parts"] as? [[String: Any]] ?? []
            return Message(role: role, content: text(of: parts))
        }
    }

    /// The text of a JSON array of parts, as `gen_ai.system_instructions` holds it.
    static func textOfParts(_ json: String) -> String? {
        guard let parts = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [[String: Any]] else {
            return nil
        }
        return text(of: parts)
    }

    private static func text(of parts: [[String: Any]]) -> String {
        parts.compactMap { part in
            (part["type"] as? String ?? "text") == "text" ? part["content"] as? String : nil
        }.joined(separator: "\n")
    }
}
