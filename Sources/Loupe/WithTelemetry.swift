/// Runs `body` with `telemetry` as ``Telemetry/current``, in this task and the child tasks it
/// creates, without touching the process-wide instance.
///
/// This is how tests observe code that uses ``Telemetry/current``:
///
/// ```swift
/// let recorder = TelemetryRecorder()
/// let telemetry = Telemetry.recorded(into: recorder)
/// try await withTelemetry(telemetry) { try await pipeline.answer("hi") }
/// #expect(recorder.events(named: EventName.llmCall.stop).count == 1)
/// ```
public func withTelemetry<Result>(_ telemetry: Telemetry, _ body: () throws -> Result) rethrows -> Result {
    try TelemetrySystem.$scoped.withValue(telemetry, operation: body)
}

/// Runs the asynchronous `body` with `telemetry` as ``Telemetry/current``.
public func withTelemetry<Result>(
    _ telemetry: Telemetry, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> Result
) async rethrows -> Result {
    try await TelemetrySystem.$scoped.withValue(telemetry, operation: body, isolation: isolation)
}
