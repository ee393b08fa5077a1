/// The telemetry conventions Loupe understands. Recorded only to document where a key comes from:
/// nothing downstream of normalisation depends on which one a span used.
public enum Convention: String, Sendable, CaseIterable {
    /// OpenTelemetry GenAI semantic conventions (`gen_ai.*`), current and pre-1.37 keys.
    case openTelemetryGenAI
    /// Arize OpenInference (`llm.*`, `openinference.span.kind`).
    case openInference
    /// Vercel AI SDK legacy telemetry (`ai.*`), v4 to v7.
    case vercelAI
    /// Traceloop OpenLLMetry (`traceloop.*`, `llm.usage.*`, underscore cache keys).
    case openLLMetry
    /// General OpenTelemetry keys (`user.id`, `session.id`, `error.type`).
    case openTelemetry
    /// Loupe's own SDK keys (`loupe.*`).
    case loupe
}
