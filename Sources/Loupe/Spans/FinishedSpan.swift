/// A span that has ended, as trace exporters and tracing bridges receive it on the `stop` or
/// `exception` event (``TelemetryEvent/finishedSpan``).
///
/// Only sampled spans are delivered this way. ``toRawSpan(resource:scopeName:)`` turns one into
/// `LoupeCore`'s wire-neutral ``RawSpan`` for OTLP export.
public struct FinishedSpan: Sendable, Hashable {
    /// The event prefix the span emitted under (`loupe.llm.call`).
    public var event: EventName
    /// The span's display name (`chat gpt-4o-mini`).
    public var name: String
    public var context: SpanContext
    public var parentSpanID: SpanID?
    public var kind: SpanKind
    /// Wall-clock start, nanoseconds since 1970.
    public var startUnixNanos: Int64
    /// ``startUnixNanos`` plus the monotonic duration.
    public var endUnixNanos: Int64
    /// Measured on the monotonic clock.
    public var durationNanos: UInt64
    public var status: SpanStatus
    public var statusMessage: String?
    public var attributes: [String: AttributeValue]
    /// The measurements the span reported (tokens, cost…), without the duration.
    public var measurements: [String: Double]
    /// Timed events, including an `exception` event when the span failed.
    public var events: [SpanEvent]

    public init(
        event: EventName, name: String, context: SpanContext, parentSpanID: SpanID? = nil, kind: SpanKind = .internal,
        startUnixNanos: Int64, endUnixNanos: Int64, durationNanos: UInt64, status: SpanStatus = .unset,
        statusMessage: String? = nil, attributes: [String: AttributeValue] = [:], measurements: [String: Double] = [:],
        events: [SpanEvent] = []
    ) {
        self.event = event
        self.name = name
        self.context = context
        self.parentSpanID = parentSpanID
        self.kind = kind
        self.startUnixNanos = startUnixNanos
        self.endUnixNanos = endUnixNanos
        self.durationNanos = durationNanos
        self.status = status
        self.statusMessage = statusMessage
        self.attributes = attributes
        self.measurements = measurements
        self.events = events
    }
}
