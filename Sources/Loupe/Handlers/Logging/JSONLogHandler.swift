import Logging

/// A swift-log backend that writes one JSON object per line, correlated with Loupe's spans.
///
/// Every line carries `timestamp` (ISO-8601 UTC with microseconds), `level`, `label`, `message`,
/// `source`, `file`, `function`, `line`, the merged `metadata` as a JSON object, and — when the
/// log call runs inside a Loupe span — `trace_id` and `span_id`, so a log search jumps straight
/// to the trace:
///
/// ```json
/// {"timestamp":"2026-11-21T12:00:00.123456Z","level":"warning","label":"rag","message":"slow retrieval",
///  "trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"00f067aa0ba902b7","source":"RAG",…,
///  "metadata":{"gen_ai.data_source.id":"pgvector.docs"}}
/// ```
///
/// `trace_id` and `span_id` set as metadata by the caller (as ``SlowCallLogHandler`` does for the
/// span it reports on) take precedence over ``SpanContext/current`` and are moved to the top level.
///
/// ```swift
/// LoggingSystem.bootstrap { label in JSONLogHandler(label: label, output: .standardOutput) }
/// ```
public struct JSONLogHandler: LogHandler {
    /// The top-level key of the trace id (32 hex digits).
    public static let traceIDKey = "trace_id"
    /// The top-level key of the span id (16 hex digits).
    public static let spanIDKey = "span_id"

    /// The lowest level written.
    public var logLevel: Logger.Level
    /// Metadata written on every line of this logger.
    public var metadata: Logger.Metadata = [:]
    /// Contextual metadata read on every line.
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let output: Output
    private let clock: any TelemetryClock

    /// - Parameters:
    ///   - label: the logger's label, written as `label`.
    ///   - output: where lines go; standard output by default.
    ///   - logLevel: the lowest level written.
    ///   - clock: where timestamps come from; inject `ManualTelemetryClock` in tests.
    ///   - metadataProvider: contextual metadata merged into every line; by default the one
    ///     given to `LoggingSystem.bootstrap`, as swift-log's own handlers do.
    public init(
        label: String, output: Output = .standardOutput, logLevel: Logger.Level = .info,
        clock: any TelemetryClock = SystemTelemetryClock(),
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) {
        self.label = label
        self.output = output
        self.logLevel = logLevel
        self.clock = clock
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, provided in provided }
        }
        if let explicit = event.metadata, !explicit.isEmpty {
            merged.merge(explicit) { _, explicit in explicit }
        }
        if let error = event.error {
            merged[ErrorAttributes.errorType] = .string(ErrorAttributes.typeName(of: error))
            merged["error.message"] = .string(String(describing: error))
        }
        let current = SpanContext.current
        let traceID = merged.removeValue(forKey: Self.traceIDKey)?.description ?? current?.traceID.hexString
        let spanID = merged.removeValue(forKey: Self.spanIDKey)?.description ?? current?.spanID.hexString

        var writer = JSONWriter(capacity: 256)
        writer.raw("{\"timestamp\":")
        writer.string(ISO8601Timestamp.string(unixNanos: clock.now().unixNanos))
        writer.raw(",\"level\":")
        writer.string(event.level.rawValue)
        writer.raw(",\"label\":")
        writer.string(label)
        writer.raw(",\"message\":")
        writer.string(event.message.description)
        if let traceID {
            writer.raw(",\"trace_id\":")
            writer.string(traceID)
        }
        if let spanID {
            writer.raw(",\"span_id\":")
            writer.string(spanID)
        }
        writer.raw(",\"source\":")
        writer.string(event.source)
        writer.raw(",\"file\":")
        writer.string(event.file)
        writer.raw(",\"function\":")
        writer.string(event.function)
        writer.raw(",\"line\":")
        writer.number(Int64(event.line))
        if !merged.isEmpty {
            writer.raw(",\"metadata\":")
            writer.metadata(merged)
        }
        writer.raw("}\n")
        output.write(writer.string)
    }
}

extension JSONWriter {
    /// Writes metadata as a JSON object with sorted keys, so equal metadata gives equal text.
    fileprivate mutating func metadata(_ metadata: Logger.Metadata) {
        raw("{")
        for (index, key) in metadata.keys.sorted().enumerated() {
            if index > 0 { raw(",") }
            string(key)
            raw(":")
            // Keys come from the dictionary itself, so the lookup cannot fail.
            metadataValue(metadata[key] ?? .string(""))
        }
        raw("}")
    }

    private mutating func metadataValue(_ value: Logger.MetadataValue) {
        switch value {
        case .string(let text): string(text)
        case .stringConvertible(let convertible): string(convertible.description)
        case .dictionary(let nested): metadata(nested)
        case .array(let values):
            raw("[")
            for (index, element) in values.enumerated() {
                if index > 0 { raw(",") }
                metadataValue(element)
            }
            raw("]")
        }
    }
}
