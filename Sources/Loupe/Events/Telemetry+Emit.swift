extension Telemetry {
    /// Emits an event to the handlers attached to its name.
    ///
    /// When no handler is attached to any instance, this is one atomic load and a branch:
    /// `measurements` and `metadata` are autoclosures and are not evaluated. Handler errors are
    /// never thrown here (see ``TelemetryHandler``).
    ///
    /// ```swift
    /// telemetry.emit("shop.cache.miss", measurements: ["bytes": Double(size)], metadata: ["cache": "embeddings"])
    /// ```
    @inlinable
    public func emit(
        _ name: EventName,
        measurements: @autoclosure () -> [String: Double] = [:],
        metadata: @autoclosure () -> [String: AttributeValue] = [:]
    ) {
        guard ListenerGate.isOpen else { return }
        emitListening(name, measurements: measurements, metadata: metadata)
    }

    /// Emits an event through ``current``, checking for listeners before looking it up.
    @inlinable
    public static func emit(
        _ name: EventName,
        measurements: @autoclosure () -> [String: Double] = [:],
        metadata: @autoclosure () -> [String: AttributeValue] = [:]
    ) {
        guard ListenerGate.isOpen else { return }
        Telemetry.current.emitListening(name, measurements: measurements, metadata: metadata)
    }

    @usableFromInline
    func emitListening(
        _ name: EventName, measurements: () -> [String: Double], metadata: () -> [String: AttributeValue]
    ) {
        deliver(name) {
            TelemetryEvent(
                name: name, measurements: measurements(), metadata: metadata(), spanContext: SpanContext.current)
        }
    }

    /// Builds the event only if some handler receives `name`, then runs each handler in attach
    /// order; a handler that throws is detached and reported once every handler has seen the event.
    func deliver(_ name: EventName, _ makeEvent: () -> TelemetryEvent) {
        guard !registry.isEmpty else { return }
        let attachments = registry.attachments(for: name)
        guard !attachments.isEmpty else { return }
        let event = makeEvent()
        var failures: [(id: HandlerID, error: any Error)] = []
        for attachment in attachments {
            do {
                try attachment.handler.handle(event)
            } catch {
                // Detaching before reporting means a handler attached to the failure event itself
                // cannot fail in a loop; the serial keeps a freshly re-attached handler in place.
                if registry.detach(attachment.id, serial: attachment.serial) {
                    failures.append((attachment.id, error))
                }
            }
        }
        for failure in failures {
            reportFailure(of: failure.id, handling: name, error: failure.error)
        }
    }

    private func reportFailure(of id: HandlerID, handling name: EventName, error: any Error) {
        deliver(.handlerFailure) {
            TelemetryEvent(
                name: .handlerFailure,
                metadata: [
                    LoupeAttributes.handlerID: .string(id.rawValue),
                    LoupeAttributes.eventName: .string(name.rawValue),
                    ErrorAttributes.errorType: .string(ErrorAttributes.typeName(of: error)),
                    ErrorAttributes.exceptionMessage: .string(String(describing: error)),
                ],
                spanContext: SpanContext.current
            )
        }
    }
}
