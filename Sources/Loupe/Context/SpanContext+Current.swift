extension SpanContext {
    @TaskLocal
    static var active: SpanContext?

    /// The context of the innermost span running in this task (or installed with
    /// ``withSpanContext(_:_:)``); nil outside any span.
    public static var current: SpanContext? {
        active
    }
}

/// Runs `body` with `context` as ``SpanContext/current``, so spans started inside become its
/// children: use it with a context extracted from an incoming request.
///
/// ```swift
/// let parent = TraceContextPropagator.extract(from: request.headers)
/// try await withSpanContext(parent) { try await handle(request) }
/// ```
public func withSpanContext<Result>(_ context: SpanContext?, _ body: () throws -> Result) rethrows -> Result {
    try SpanContext.$active.withValue(context, operation: body)
}

/// Runs the asynchronous `body` with `context` as ``SpanContext/current``.
public func withSpanContext<Result>(
    _ context: SpanContext?, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> Result
) async rethrows -> Result {
    try await SpanContext.$active.withValue(context, operation: body, isolation: isolation)
}
