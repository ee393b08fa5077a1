extension Telemetry {
    /// Starts a span that you end yourself with ``Span/end()`` or ``Span/end(throwing:)``, for
    /// work that outlives one closure (a streamed response handed to an HTTP writer).
    ///
    /// The span's parent is ``SpanContext/current``, but the new span does not become current;
    /// wrap the work in ``withSpanContext(_:_:)`` with its ``Span/context`` for children to nest.
    /// Prefer ``withSpan(_:name:kind:attributes:_:)``, which does both.
    ///
    /// - Parameters:
    ///   - event: the event prefix; the span emits `<event>.start` now and `<event>.stop` or
    ///     `<event>.exception` when it ends.
    ///   - name: the display name of the finished span; the event prefix when nil.
    ///   - kind: the OpenTelemetry span kind.
    ///   - attributes: initial attributes, also the metadata of the `start` event.
    public func startSpan(
        _ event: EventName, name: String? = nil, kind: SpanKind = .internal,
        attributes: @autoclosure () -> [String: AttributeValue] = [:]
    ) -> Span {
        guard ListenerGate.isOpen, !registry.isEmpty else { return .nonRecording }
        return Span(storage: makeSpan(event, name: name, kind: kind, attributes: attributes(), finisher: nil))
    }

    /// Allocates the span's ids and storage, decides sampling and emits the `start` event.
    func makeSpan(
        _ event: EventName, name: String?, kind: SpanKind, attributes: [String: AttributeValue],
        finisher: SpanStorage.Finisher?
    ) -> SpanStorage {
        let parent = SpanContext.current
        let traceID = parent?.traceID ?? configuration.idGenerator.makeTraceID()
        let context = SpanContext(
            traceID: traceID, spanID: configuration.idGenerator.makeSpanID(),
            isSampled: configuration.sampler.shouldSample(traceID: traceID, parent: parent),
            traceState: parent?.traceState)
        let start = configuration.clock.now()
        let storage = SpanStorage(
            context: context, parentSpanID: parent?.spanID, event: event, kind: kind, start: start, telemetry: self,
            recording: SpanRecording(name: name ?? event.rawValue, attributes: attributes), finisher: finisher)
        let startName = event.start
        deliver(startName) {
            TelemetryEvent(
                name: startName,
                measurements: [
                    MeasurementKey.monotonicTimeNanos: Double(start.monotonicNanos),
                    MeasurementKey.systemTimeNanos: Double(start.unixNanos),
                ],
                metadata: attributes, spanContext: context)
        }
        return storage
    }
}
