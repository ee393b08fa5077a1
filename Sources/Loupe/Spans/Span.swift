/// A running span, as the body of ``Telemetry/withSpan(_:name:kind:attributes:_:)`` sees it.
///
/// A span records attributes (they become the metadata of its `stop` or `exception` event and the
/// attributes of its ``FinishedSpan``), measurements (numbers for the `stop` event), status and
/// timed events. When no handler is attached, spans do not record: ``isRecording`` is false, the
/// setters do nothing and their autoclosure arguments are not evaluated, so instrumented code
/// costs almost nothing.
///
/// `Span` is a handle: copies refer to the same span, and it may be used from child tasks.
public struct Span: Sendable {
    let storage: SpanStorage?

    init(storage: SpanStorage?) {
        self.storage = storage
    }

    /// A span that records nothing.
    public static let nonRecording = Span(storage: nil)

    /// Whether this span emits events; false when nobody listened as it started.
    public var isRecording: Bool {
        storage != nil
    }

    /// The span's ids and sampling flag; nil when it does not record.
    public var context: SpanContext? {
        storage?.context
    }

    /// The id of the span this one is a child of, if any.
    public var parentSpanID: SpanID? {
        storage?.parentSpanID
    }

    /// Sets one attribute, replacing any earlier value.
    public func setAttribute(_ key: String, _ value: @autoclosure () -> AttributeValue) {
        guard let storage else { return }
        let value = value()
        storage.update { $0.attributes[key] = value }
    }

    /// Sets several attributes, replacing earlier values of the same keys.
    public func setAttributes(_ attributes: @autoclosure () -> [String: AttributeValue]) {
        guard let storage else { return }
        let attributes = attributes()
        storage.update { $0.attributes.merge(attributes) { _, new in new } }
    }

    /// The attribute recorded under `key`, if any.
    public func attribute(_ key: String) -> AttributeValue? {
        storage?.update { $0.attributes[key] }
    }

    /// Sets a measurement reported on the `stop` or `exception` event.
    public func setMeasurement(_ key: String, _ value: Double) {
        storage?.update { $0.measurements[key] = value }
    }

    /// Adds a timed event to the span (an OpenTelemetry span event).
    public func addEvent(_ name: String, attributes: @autoclosure () -> [String: AttributeValue] = [:]) {
        guard let storage else { return }
        let time = storage.unixNanos(at: storage.telemetry.configuration.clock.now())
        let event = SpanEvent(name: name, timeNanos: time, attributes: attributes())
        storage.update { $0.events.append(event) }
    }

    /// Sets the status; OpenTelemetry leaves it unset on success.
    public func setStatus(_ status: SpanStatus, message: String? = nil) {
        storage?.update {
            $0.status = status
            $0.statusMessage = message
        }
    }

    /// Renames the span (the ``FinishedSpan/name``), e.g. once the model that answered is known.
    public func setName(_ name: String) {
        storage?.update { $0.name = name }
    }

    /// Ends the span and emits its `stop` event; calls after the first do nothing.
    ///
    /// Only spans from ``Telemetry/startSpan(_:name:kind:attributes:)`` need ending by hand.
    public func end() {
        storage?.end(error: nil)
    }

    /// Ends the span as failed with `error` and emits its `exception` event.
    public func end(throwing error: any Error) {
        storage?.end(error: error)
    }
}
