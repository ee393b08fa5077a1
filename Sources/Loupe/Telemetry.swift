/// The entry point of the Loupe SDK: emits events, runs spans and GenAI helpers, and holds the
/// handlers that receive them.
///
/// Loupe is an event bus in the style of Erlang's `:telemetry`. Code emits events — a dotted
/// name, numeric measurements, typed metadata — and handlers attached by id to exact names or
/// prefixes receive them. Spans emit `start`, then `stop` or `exception`; the GenAI helpers are
/// spans that record the OpenTelemetry GenAI conventions (`gen_ai.*`) so any backend understands
/// them. When no handler is attached anywhere, an emit is one atomic load and a branch.
///
/// ## Instrumenting a RAG pipeline
///
/// ```swift
/// let telemetry = Telemetry(configuration: .init(pricing: try .builtIn(), contentCapture: .redacted()))
/// try telemetry.attach("slow-calls", to: [.prefix(.loupe)], handler: SlowCallPrinter())
/// TelemetrySystem.bootstrap(telemetry)
///
/// func answer(_ question: String) async throws -> String {
///     let t = Telemetry.current
///     return try await t.stage("rag.answer", kind: .chain) { _ in
///         let vector = try await t.embedding(provider: "openai", model: "text-embedding-3-small") { call in
///             let result = try await openAI.embed(question)
///             call.recordUsage(inputTokens: result.usage.promptTokens)
///             return result.vector
///         }
///         let hits = try await t.retrieval(dataSource: "pgvector.docs", topK: 5) { call in
///             let hits = try await store.nearest(to: vector, k: 5)
///             call.recordDocuments(hits.map { RetrievedDocument(id: $0.id, score: $0.score) })
///             return hits
///         }
///         return try await t.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini")) { call in
///             call.recordInput([.user(prompt(question, hits))])
///             let reply = try await openAI.chat(prompt(question, hits))
///             call.recordResponse(model: reply.model, finishReasons: [reply.finishReason])
///             call.recordUsage(TokenUsage(input: reply.usage.input, output: reply.usage.output))
///             return reply.text
///         }
///     }
/// }
/// ```
///
/// Each helper emits `loupe.<kind>.start`/`.stop`/`.exception` events whose metadata are the span's
/// attributes (`gen_ai.operation.name`, `gen_ai.request.model`, `gen_ai.usage.input_tokens`,
/// `loupe.cost.usd`, …); spans nest through task-locals, so the LLM call's parent is the stage.
///
/// ## Topics
/// - Events: ``emit(_:measurements:metadata:)``, ``attach(_:to:handler:)``, ``detach(_:)``
/// - Spans: ``withSpan(_:name:kind:attributes:_:)``, ``startSpan(_:name:kind:attributes:)``,
///   ``FinishedSpan``, ``TraceContextPropagator``
/// - GenAI: ``llmCall(_:isolation:_:)``, ``embedding(provider:model:inputCount:isolation:_:)``,
///   ``retrieval(dataSource:provider:model:topK:query:isolation:_:)``,
///   ``rerank(provider:model:documentCount:topN:query:isolation:_:)``,
///   ``toolCall(_:callID:type:description:isolation:_:)``,
///   ``agentStep(agent:agentID:step:conversationID:isolation:_:)``, ``stage(_:kind:attributes:isolation:_:)``
/// - Process-wide instance: ``TelemetrySystem``, ``current``, ``withTelemetry(_:_:)``
public struct Telemetry: Sendable {
    /// Sampling, clock, ids, pricing and content capture.
    public let configuration: Configuration

    @usableFromInline
    let registry: HandlerRegistry

    /// A new instance with no handlers attached.
    public init(configuration: Configuration = .default) {
        self.configuration = configuration
        self.registry = HandlerRegistry()
    }

    /// The instance in scope: the innermost ``withTelemetry(_:_:)``, else the one given to
    /// ``TelemetrySystem/bootstrap(_:)``, else a default instance.
    ///
    /// Reading it looks up a task-local; on the hottest paths prefer the static
    /// ``emit(_:measurements:metadata:)``, which checks for listeners first.
    public static var current: Telemetry {
        TelemetrySystem.scoped ?? TelemetrySystem.global
    }
}
