/// What a span does in a GenAI pipeline, whatever convention described it.
public enum OperationKind: String, Sendable, Hashable, Codable, CaseIterable {
    case llm
    case embedding
    case retrieval
    case rerank
    case tool
    case agent
    case chain
    case guardrail
    case evaluator
    /// Any other step of a pipeline (context building, parsing, glue code that was traced).
    case stage

    /// Kinds whose token counts are billed by a provider: a model was called.
    public var isModelCall: Bool {
        switch self {
        case .llm, .embedding, .rerank: return true
        default: return false
        }
    }
}
