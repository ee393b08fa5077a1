/// Receives the events it was attached to.
///
/// Handlers run synchronously, on the task that emitted the event, possibly from many tasks at
/// once; keep them quick and hand slow work (network export) to a queue. A handler that throws is
/// detached and a ``EventName/handlerFailure`` event is emitted: the emitting code never sees the
/// error, and a broken handler cannot fail the same way on every event.
///
/// ```swift
/// struct SlowCallPrinter: TelemetryHandler {
///     func handle(_ event: TelemetryEvent) {
///         if let ns = event.measurements[MeasurementKey.durationNanos], ns > 2e9 {
///             print("slow:", event.name, event.metadata["gen_ai.request.model"] ?? "-")
///         }
///     }
/// }
/// ```
public protocol TelemetryHandler: Sendable {
    /// Handles one event. Throwing detaches the handler.
    func handle(_ event: TelemetryEvent) throws
}
