/// Makes new trace and span ids.
///
/// The default, ``RandomIDGenerator``, is what production wants; tests inject a deterministic one
/// (`LoupeTesting`'s `SeededIDGenerator`) to assert on exact ids.
public protocol IDGenerator: Sendable {
    /// A valid (non-zero) trace id whose low 56 bits are uniformly random, as ratio sampling assumes.
    func makeTraceID() -> TraceID
    /// A valid (non-zero) span id.
    func makeSpanID() -> SpanID
}
