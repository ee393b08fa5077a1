/// A span as it came off the wire, before any convention is interpreted.
///
/// Decoders (OTLP protobuf, OTLP JSON, the SDK) produce this; ``SpanNormalizer`` turns it into a ``SpanRecord``.
public struct RawSpan: Sendable, Hashable {
    /// Lower-case hex, 32 characters.
    public var traceId: String
    /// Lower-case hex, 16 characters.
    public var spanId: String
    public var parentSpanId: String?
    /// Whether the parent ran in another process (OTLP span flags, where the SDK sets them).
    public var parentIsRemote: Bool
    public var name: String
    public var kind: SpanKind
    public var startNanos: Int64
    public var endNanos: Int64
    public var statusCode: SpanStatus
    public var statusMessage: String?
    public var attributes: [String: AttributeValue]
    public var resourceAttributes: [String: AttributeValue]
    public var scopeName: String?
    public var events: [SpanEvent]

    public init(
        traceId: String, spanId: String, parentSpanId: String? = nil, parentIsRemote: Bool = false, name: String, kind: SpanKind = .internal,
        startNanos: Int64, endNanos: Int64, statusCode: SpanStatus = .unset, statusMessage: String? = nil,
        attributes: [String: AttributeValue] = [:], resourceAttributes: [String: AttributeValue] = [:],
        scopeName: String? = nil, events: [SpanEvent] = []
    ) {
        self.traceId = traceId
        self.spanId = spanId
        self.parentSpanId = parentSpanId
        self.parentIsRemote = parentIsRemote
        self.name = name
        self.kind = kind
        self.startNanos = startNanos
        self.endNanos = endNanos
        self.statusCode = statusCode
        self.statusMessage = statusMessage
        self.attributes = attributes
        self.resourceAttributes = resourceAttributes
        self.scopeName = scopeName
        self.events = events
    }
}
