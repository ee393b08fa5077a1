/// What ``UsageCounters`` counts calls by.
public enum UsageDimension: String, Sendable, Hashable, CaseIterable {
    /// `gen_ai.request.model` (else the response model) of model calls.
    case model
    /// `gen_ai.tool.name` of tool calls.
    case tool
    /// ``SpanOutcome/operation``: every span, named as the analyzers name it.
    case operation
    /// `gen_ai.provider.name`.
    case provider
}
