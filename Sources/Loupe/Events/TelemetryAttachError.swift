/// Why ``Telemetry/attach(_:to:handler:)`` refused a handler.
public enum TelemetryAttachError: Error, Sendable, Hashable {
    /// A handler is already attached under this id; detach it first.
    case duplicateID(HandlerID)
    /// The handler was given no patterns, so it could never run.
    case noPatterns(HandlerID)
}
