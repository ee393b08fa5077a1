extension Telemetry {
    /// Attaches `handler` under `id` to the events `patterns` select.
    ///
    /// Prefix patterns are resolved once per exact event name and cached, so attaching to
    /// ``EventPattern/all`` costs no more per event than attaching to one name.
    ///
    /// - Throws: ``TelemetryAttachError/duplicateID(_:)`` when `id` is taken,
    ///   ``TelemetryAttachError/noPatterns(_:)`` when `patterns` is empty.
    public func attach(
        _ id: HandlerID, to patterns: [EventPattern], handler: some TelemetryHandler
    ) throws(TelemetryAttachError) {
        try registry.attach(id: id, patterns: patterns, handler: handler)
    }

    /// Attaches a closure under `id` to the events `patterns` select.
    ///
    /// ```swift
    /// try telemetry.attach("print-llm", to: [.exact(EventName.llmCall.stop)]) { event in
    ///     print(event.metadata[GenAIAttributes.requestModel] ?? "?", event.measurements)
    /// }
    /// ```
    public func attach(
        _ id: HandlerID, to patterns: [EventPattern], _ handle: @escaping @Sendable (TelemetryEvent) throws -> Void
    ) throws(TelemetryAttachError) {
        try registry.attach(id: id, patterns: patterns, handler: ClosureTelemetryHandler(body: handle))
    }

    /// Detaches the handler attached under `id`; returns false when there was none.
    @discardableResult
    public func detach(_ id: HandlerID) -> Bool {
        registry.detach(id)
    }

    /// The ids of every attached handler, in attach order.
    public var handlerIDs: [HandlerID] {
        registry.ids
    }

    /// The ids of the handlers an event named `name` would reach, in the order they would run.
    public func handlerIDs(receiving name: EventName) -> [HandlerID] {
        registry.attachments(for: name).map(\.id)
    }
}
