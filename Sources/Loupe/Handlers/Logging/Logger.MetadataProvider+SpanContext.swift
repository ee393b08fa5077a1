import Logging

extension Logger.MetadataProvider {
    /// Adds `trace_id` and `span_id` of ``SpanContext/current`` to every log line, for backends
    /// other than ``JSONLogHandler`` (which reads the span context itself).
    ///
    /// ```swift
    /// LoggingSystem.bootstrap(
    ///     { label, provider in StreamLogHandler.standardError(label: label, metadataProvider: provider) },
    ///     metadataProvider: .loupeSpanContext)
    /// ```
    public static let loupeSpanContext = Logger.MetadataProvider {
        guard let context = SpanContext.current else { return [:] }
        return [
            JSONLogHandler.traceIDKey: .string(context.traceID.hexString),
            JSONLogHandler.spanIDKey: .string(context.spanID.hexString),
        ]
    }
}
