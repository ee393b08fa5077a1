import Foundation

/// Decides a span's ``OperationKind`` from whichever convention described it.
enum OperationKindResolver {
    private static let genAIOperations: [String: OperationKind] = [
        "chat": .llm, "generate_content": .llm, "text_completion": .llm, "completion": .llm, "responses": .llm,
        "embeddings": .embedding, "embedding": .embedding, "retrieval": .retrieval, "search_memory": .retrieval,
        "rerank": .rerank, "execute_tool": .tool, "invoke_agent": .agent, "create_agent": .agent,
        "agent_step": .agent, "plan": .agent, "handle_conversation_turn": .agent, "invoke_workflow": .chain,
        "guardrail": .guardrail, "evaluate": .evaluator, "evaluation": .evaluator,
    ]

    private static let openInferenceKinds: [String: OperationKind] = [
        "LLM": .llm, "EMBEDDING": .embedding, "RETRIEVER": .retrieval, "RERANKER": .rerank, "TOOL": .tool,
        "AGENT": .agent, "CHAIN": .chain, "GUARDRAIL": .guardrail, "EVALUATOR": .evaluator, "PROMPT": .stage,
    ]

    private static let traceloopKinds: [String: OperationKind] = [
        "workflow": .chain, "task": .stage, "agent": .agent, "tool": .tool,
    ]

    private static let traceloopRequestTypes: [String: OperationKind] = [
        "chat": .llm, "completion": .llm, "embedding": .embedding, "rerank": .rerank,
    ]

    private static let vectorStores: Set<String> = [
        "chroma", "pinecone", "qdrant", "weaviate", "milvus", "pgvector", "lancedb", "redis", "elasticsearch",
        "opensearch", "marqo", "vespa",
    ]

    static func resolve(
        attributes: [String: AttributeValue], spanName: String, hasModel: Bool, hasUsage: Bool
    ) -> OperationKind {
        if let explicit = attributes["loupe.operation.kind"]?.stringValue, let kind = OperationKind(rawValue: explicit) {
            return kind
        }
        if let op = attributes["gen_ai.operation.name"]?.stringValue, let kind = genAIOperations[op] {
            return kind
        }
        if let oi = attributes["openinference.span.kind"]?.stringValue, let kind = openInferenceKinds[oi.uppercased()] {
            return kind
        }
        if let kind = vercelKind(attributes["ai.operationId"]?.stringValue ?? spanName) {
            return kind
        }
        if let tl = attributes["traceloop.span.kind"]?.stringValue, let kind = traceloopKinds[tl] {
            return kind
        }
        if let type = attributes["llm.request.type"]?.stringValue, let kind = traceloopRequestTypes[type] {
            return kind
        }
        if hasModel || hasUsage {
            return spanName.range(of: "embed", options: .caseInsensitive) != nil ? .embedding : .llm
        }
        if let store = (attributes["db.system.name"] ?? attributes["db.system"])?.stringValue,
            vectorStores.contains(store.lowercased())
        {
            return .retrieval
        }
        return .stage
    }

    /// Vercel's legacy span names: inner `do*` spans are the provider calls; outer spans wrap steps and tools.
    private static func vercelKind(_ operationId: String) -> OperationKind? {
        guard operationId.hasPrefix("ai.") else { return nil }
        if operationId.hasSuffix(".doGenerate") || operationId.hasSuffix(".doStream") { return .llm }
        if operationId.hasSuffix(".doEmbed") { return .embedding }
        if operationId.hasSuffix(".doRerank") { return .rerank }
        if operationId == "ai.toolCall" { return .tool }
        return vercelOuterSpans.contains(operationId) ? .chain : nil
    }

    private static let vercelOuterSpans: Set<String> = [
        "ai.generateText", "ai.streamText", "ai.generateObject", "ai.streamObject", "ai.embed", "ai.embedMany", "ai.rerank",
    ]
}
