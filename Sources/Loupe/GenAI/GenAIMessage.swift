/// One chat message, for opt-in content capture (``LLMCall/recordInput(_:)``).
///
/// Recorded as the OpenTelemetry GenAI message schema, a JSON array of
/// `{"role", "parts": [{"type": "text", "content"}], "finish_reason"?}`.
public struct GenAIMessage: Sendable, Hashable {
    /// `system`, `user`, `assistant`, `tool`, or any other role the provider uses.
    public var role: String
    public var content: String
    /// For output messages: why this choice ended (`stop`, `length`, `tool_call`…).
    public var finishReason: String?

    public init(role: String, content: String, finishReason: String? = nil) {
        self.role = role
        self.content = content
        self.finishReason = finishReason
    }

    public static func system(_ content: String) -> GenAIMessage {
        GenAIMessage(role: "system", content: content)
    }

    public static func user(_ content: String) -> GenAIMessage {
        GenAIMessage(role: "user", content: content)
    }

    public static func assistant(_ content: String, finishReason: String? = nil) -> GenAIMessage {
        GenAIMessage(role: "assistant", content: content, finishReason: finishReason)
    }

    public static func tool(_ content: String) -> GenAIMessage {
        GenAIMessage(role: "tool", content: content)
    }

    /// `messages` as a schema-conformant JSON array, each content prepared by `capture`.
    static func json(_ messages: [GenAIMessage], capture: ContentCapture) -> String {
        var writer = JSONWriter()
        writer.raw("[")
        for (index, message) in messages.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"role\":")
            writer.string(message.role)
            writer.raw(",\"parts\":[{\"type\":\"text\",\"content\":")
            writer.string(capture.prepare(message.content) ?? "")
            writer.raw("}]")
            if let reason = message.finishReason {
                writer.raw(",\"finish_reason\":")
                writer.string(reason)
            }
            writer.raw("}")
        }
        writer.raw("]")
        return writer.string
    }
}
