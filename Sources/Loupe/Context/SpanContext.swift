/// What identifies a span across tasks and processes: trace id, span id and the sampling flag.
///
/// The context of the innermost span is available as ``current`` while its body runs, which is
/// how spans started inside it find their parent, how log handlers correlate, and what
/// ``TraceContextPropagator`` injects into outgoing requests.
public struct SpanContext: Sendable, Hashable {
    public var traceID: TraceID
    public var spanID: SpanID
    /// The W3C `sampled` flag: whether this trace is being recorded as ``FinishedSpan``s.
    public var isSampled: Bool
    /// True when the context came from another process through ``TraceContextPropagator``.
    public var isRemote: Bool
    /// The W3C `tracestate` header, passed through unchanged.
    public var traceState: String?

    public init(
        traceID: TraceID, spanID: SpanID, isSampled: Bool = true, isRemote: Bool = false, traceState: String? = nil
    ) {
        self.traceID = traceID
        self.spanID = spanID
        self.isSampled = isSampled
        self.isRemote = isRemote
        self.traceState = traceState
    }
}
