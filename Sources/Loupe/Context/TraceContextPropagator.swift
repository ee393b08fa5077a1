/// Carries a ``SpanContext`` across process boundaries in W3C Trace Context headers
/// (`traceparent`, `tracestate`).
///
/// ```swift
/// // Client: tell the server which span the request belongs to.
/// var headers: [String: String] = [:]
/// TraceContextPropagator.inject(into: &headers)
///
/// // Server: continue the caller's trace.
/// let parent = TraceContextPropagator.extract(from: request.headers)
/// try await withSpanContext(parent) { try await handle(request) }
/// ```
///
/// The generic forms work with any header type through a setter or getter closure.
public enum TraceContextPropagator {
    /// The header carrying trace id, parent span id and flags.
    public static let traceparentField = "traceparent"
    /// The header carrying vendor-specific trace state.
    public static let tracestateField = "tracestate"

    /// Writes `context` (by default the current one) into `carrier`; writes nothing without one.
    public static func inject<Carrier>(
        _ context: SpanContext? = SpanContext.current, into carrier: inout Carrier,
        setField: (inout Carrier, _ name: String, _ value: String) -> Void
    ) {
        guard let context else { return }
        setField(&carrier, traceparentField, context.traceparent)
        if let state = context.traceState {
            setField(&carrier, tracestateField, state)
        }
    }

    /// Reads a context from `carrier`; nil when `traceparent` is missing or invalid.
    public static func extract<Carrier>(
        from carrier: Carrier, field: (Carrier, _ name: String) -> String?
    ) -> SpanContext? {
        guard let traceparent = field(carrier, traceparentField) else { return nil }
        return SpanContext(traceparent: traceparent, tracestate: field(carrier, tracestateField))
    }

    /// Writes `context` (by default the current one) into a header dictionary.
    public static func inject(_ context: SpanContext? = SpanContext.current, into headers: inout [String: String]) {
        inject(context, into: &headers) { headers, name, value in headers[name] = value }
    }

    /// Reads a context from a header dictionary, matching header names case-insensitively.
    public static func extract(from headers: [String: String]) -> SpanContext? {
        extract(from: headers) { headers, name in
            headers[name] ?? headers.first { $0.key.lowercased() == name }?.value
        }
    }
}
