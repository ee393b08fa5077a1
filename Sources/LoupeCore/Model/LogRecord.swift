/// A log record Loupe keeps: a GenAI event (`event_name` `gen_ai.*`: the messages, choices,
/// operation details and evaluation results the conventions send as logs) or a log that carries a
/// trace context, linked to its span.
///
/// Its content (the body, content attributes) is redacted like span content before it is stored.
public struct LogRecord: Sendable, Hashable {
    /// Names the record by what it says (``identity``), so a record sent again is stored once.
    public var id: String
    public var project: String
    public var service: String
    /// Lower-case hex, 32 characters; nil for a record outside any trace.
    public var traceId: String?
    /// Lower-case hex, 16 characters; nil for a record of a trace but no span.
    public var spanId: String?
    /// When it happened (the record's time, else when the SDK observed it), unix nanoseconds.
    public var timeNanos: Int64
    /// OTLP's severity, 1 (TRACE) to 24 (FATAL4); 0 when unspecified.
    public var severityNumber: Int32
    public var severityText: String?
    /// The event's name (`gen_ai.user.message`), nil for a plain log.
    public var eventName: String?
    public var body: AttributeValue?
    public var attributes: [String: AttributeValue]
    public var scopeName: String?

    public init(
        id: String, project: String, service: String, traceId: String? = nil, spanId: String? = nil, timeNanos: Int64,
        severityNumber: Int32 = 0, severityText: String? = nil, eventName: String? = nil, body: AttributeValue? = nil,
        attributes: [String: AttributeValue] = [:], scopeName: String? = nil
    ) {
        (self.id, self.project, self.service, self.traceId, self.spanId) = (id, project, service, traceId, spanId)
        (self.timeNanos, self.severityNumber, self.severityText, self.eventName) = (timeNanos, severityNumber, severityText, eventName)
        (self.body, self.attributes, self.scopeName) = (body, attributes, scopeName)
    }

    /// Whether the record is a GenAI event of the semantic conventions.
    public var isGenAIEvent: Bool { eventName?.hasPrefix("gen_ai.") ?? false }

    /// The FNV-1a hash, in hex, of the record's project and of everything it says as sent: its
    /// service, trace and span, time, name, severity, body and attributes (keys sorted).
    public var identity: String {
        var writer = JSONWriter()
        writer.string(project)
        writer.string(service)
        writer.string(traceId ?? "")
        writer.string(spanId ?? "")
        writer.number(timeNanos)
        writer.string(eventName ?? "")
        writer.number(Int64(severityNumber))
        if let body { writer.value(body) }
        writer.object(attributes)
        var hash = FNV1a()
        hash.combine(writer.bytes)
        return hash.hex
    }
}
