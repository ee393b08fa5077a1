/// One finished span as the analyzers see it: what ran, how long it took, and how it failed.
///
/// Built from a span's `stop` or `exception` event (``init(event:)``), so every analyzer reads
/// the same conventions the same way; or built directly to feed an analyzer from elsewhere.
public struct SpanOutcome: Sendable, Hashable {
    /// The span's event prefix (`loupe.llm.call`).
    public var span: EventName
    /// What analyzers group by: the span's conventional name (`chat gpt-4o-mini`,
    /// `execute_tool get_weather`, `retrieval pgvector.docs`, a stage name), else the event prefix.
    public var operation: String
    /// `loupe.operation.kind`, when the span recorded one.
    public var kind: OperationKind?
    /// `gen_ai.request.model`, else `gen_ai.response.model`.
    public var model: String?
    /// `gen_ai.provider.name`.
    public var provider: String?
    /// `gen_ai.tool.name`.
    public var toolName: String?
    /// The span's duration on the monotonic clock.
    public var durationNanos: UInt64
    /// True when the span ended with an `exception` event.
    public var isFailure: Bool
    /// `error.type`: the thrown error's type name, or what the code recorded instead.
    public var errorType: String?
    /// `exception.type`: the thrown error's type name.
    public var exceptionType: String?
    /// `exception.message`.
    public var errorMessage: String?
    /// `gen_ai.usage.input_tokens`, on model calls that reported usage.
    public var inputTokens: Int?
    /// `gen_ai.usage.output_tokens`, on model calls that reported usage.
    public var outputTokens: Int?
    /// The span the outcome came from, so analysis events can point at its trace.
    public var spanContext: SpanContext?

    public init(
        span: EventName, operation: String, kind: OperationKind? = nil, model: String? = nil,
        provider: String? = nil, toolName: String? = nil, durationNanos: UInt64, isFailure: Bool = false,
        errorType: String? = nil, exceptionType: String? = nil, errorMessage: String? = nil,
        inputTokens: Int? = nil, outputTokens: Int? = nil, spanContext: SpanContext? = nil
    ) {
        self.span = span
        self.operation = operation
        self.kind = kind
        self.model = model
        self.provider = provider
        self.toolName = toolName
        self.durationNanos = durationNanos
        self.isFailure = isFailure
        self.errorType = errorType
        self.exceptionType = exceptionType
        self.errorMessage = errorMessage
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.spanContext = spanContext
    }

    /// The outcome of the span that emitted `event`, or nil when `event` is not a span's `stop` or
    /// `exception` event.
    ///
    /// A span end is recognised by its last name segment and its `duration_ns` measurement, so a
    /// plain emit that happens to end in `.stop` is not mistaken for one.
    public init?(event: TelemetryEvent) {
        guard let duration = event.measurements[MeasurementKey.durationNanos] else { return nil }
        let name = event.name.rawValue
        let isFailure: Bool
        if name.hasSuffix(".exception") {
            isFailure = true
        } else if name.hasSuffix(".stop") {
            isFailure = false
        } else {
            return nil
        }
        let prefix = EventName(String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)]))
        let metadata = event.metadata
        func text(_ key: String) -> String? { metadata[key]?.stringValue }
        self.init(
            span: prefix,
            operation: SpanOutcome.operationName(prefix: prefix, metadata: metadata),
            kind: text(LoupeAttributes.operationKind).flatMap(OperationKind.init(rawValue:)),
            model: text(GenAIAttributes.requestModel) ?? text(GenAIAttributes.responseModel),
            provider: text(GenAIAttributes.providerName),
            toolName: text(GenAIAttributes.toolName),
            durationNanos: duration.isFinite && duration > 0 ? UInt64(duration) : 0,
            isFailure: isFailure,
            errorType: text(ErrorAttributes.errorType),
            exceptionType: text(ErrorAttributes.exceptionType),
            errorMessage: text(ErrorAttributes.exceptionMessage),
            inputTokens: event.measurements[MeasurementKey.inputTokens].flatMap { Int(exactly: $0.rounded()) },
            outputTokens: event.measurements[MeasurementKey.outputTokens].flatMap { Int(exactly: $0.rounded()) },
            spanContext: event.spanContext)
    }

    /// The call's duration in milliseconds.
    public var durationMs: Double {
        Double(durationNanos) / 1e6
    }

    /// The classifier's input for this failure.
    public var errorSignal: ErrorSignal {
        ErrorSignal(
            errorType: errorType, exceptionType: exceptionType, message: errorMessage, provider: provider,
            operation: kind)
    }

    /// Rebuilds the span name the GenAI helpers give (`{operation} {target}`) from the metadata,
    /// because the ``FinishedSpan`` that carries the name only arrives for sampled traces and an
    /// operation must be named the same whether or not its trace was sampled.
    static func operationName(prefix: EventName, metadata: [String: AttributeValue]) -> String {
        if let stage = metadata[LoupeAttributes.stageName]?.stringValue { return stage }
        guard let operation = metadata[GenAIAttributes.operationName]?.stringValue else { return prefix.rawValue }
        let targets = [
            GenAIAttributes.toolName, GenAIAttributes.agentName, GenAIAttributes.dataSourceID,
            GenAIAttributes.requestModel,
        ]
        guard let target = targets.lazy.compactMap({ metadata[$0]?.stringValue }).first else { return operation }
        return "\(operation) \(target)"
    }
}
