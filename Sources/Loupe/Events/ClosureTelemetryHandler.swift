/// Adapts a closure to ``TelemetryHandler`` for ``Telemetry/attach(_:to:_:)``.
struct ClosureTelemetryHandler: TelemetryHandler {
    let body: @Sendable (TelemetryEvent) throws -> Void

    func handle(_ event: TelemetryEvent) throws {
        try body(event)
    }
}
