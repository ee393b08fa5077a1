/// The `gen_ai.operation.name` of a model call.
public struct LLMOperation: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// A chat completion (OpenAI Chat Completions, Anthropic Messages…).
    public static let chat: LLMOperation = "chat"
    /// The legacy completions API.
    public static let textCompletion: LLMOperation = "text_completion"
    /// Multimodal content generation (Gemini).
    public static let generateContent: LLMOperation = "generate_content"

    public var description: String { rawValue }
}
