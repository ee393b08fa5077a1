/// How much work requests took in one step (or the whole range): per request, the model calls,
/// tool calls, retrievals and input tokens they made, and the score that adds them up.
public struct ComplexityPoint: Sendable, Hashable {
    /// The step's first minute (unix minutes), on a clock boundary: the range's first step may
    /// start before the range, and holds only the range's part of it.
    public var minute: Int64
    public var requests: Int64
    public var llmCalls: Double
    public var toolCalls: Double
    public var retrievals: Double
    public var inputTokens: Double

    /// LLM calls + tool calls + retrievals + input tokens / 1,000, per request: each call, tool or
    /// retrieval is a step of work, and a thousand tokens of context about as much again.
    public var score: Double { llmCalls + toolCalls + retrievals + inputTokens / 1_000 }

    static let tokensPerUnit = 1_000.0
}
