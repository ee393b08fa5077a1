/// One emitted event, as handlers receive it.
///
/// Numbers that can be summed, averaged or bucketed are ``measurements``; everything that labels
/// them is ``metadata``, so a metrics handler knows which is which without guessing.
public struct TelemetryEvent: Sendable {
    /// What happened, e.g. `loupe.llm.call.stop`.
    public var name: EventName
    /// Numbers, keyed by ``MeasurementKey`` constants or your own names.
    public var measurements: [String: Double]
    /// Typed labels. On span events these are the span's attributes (`gen_ai.request.model`, …).
    public var metadata: [String: AttributeValue]
    /// The span the event belongs to, or for a plain emit the span active in the emitting task;
    /// this is what log handlers correlate with.
    public var spanContext: SpanContext?
    /// On a span's `stop` or `exception` event, the span itself, when it was sampled. Trace
    /// exporters and tracing bridges read this; everything else can ignore it.
    public var finishedSpan: FinishedSpan?

    public init(
        name: EventName, measurements: [String: Double] = [:], metadata: [String: AttributeValue] = [:],
        spanContext: SpanContext? = nil, finishedSpan: FinishedSpan? = nil
    ) {
        self.name = name
        self.measurements = measurements
        self.metadata = metadata
        self.spanContext = spanContext
        self.finishedSpan = finishedSpan
    }
}
