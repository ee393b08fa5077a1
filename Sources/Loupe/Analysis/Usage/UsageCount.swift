/// How much one model, tool, operation or provider was used.
public struct UsageCount: Sendable, Hashable {
    public var name: String
    public var calls: Int
    public var failures: Int
    /// Input tokens reported by the calls (model calls only).
    public var inputTokens: Int
    /// Output tokens reported by the calls (model calls only).
    public var outputTokens: Int

    public init(name: String, calls: Int = 0, failures: Int = 0, inputTokens: Int = 0, outputTokens: Int = 0) {
        self.name = name
        self.calls = calls
        self.failures = failures
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }

    mutating func add(_ outcome: SpanOutcome) {
        calls += 1
        if outcome.isFailure { failures += 1 }
        inputTokens += outcome.inputTokens ?? 0
        outputTokens += outcome.outputTokens ?? 0
    }
}
