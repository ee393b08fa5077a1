/// What a running span has recorded so far; guarded by its ``SpanStorage``'s lock.
struct SpanRecording: Sendable {
    var name: String
    var attributes: [String: AttributeValue]
    var measurements: [String: Double] = [:]
    var events: [SpanEvent] = []
    var status: SpanStatus = .unset
    var statusMessage: String?
    var isEnded = false

    /// Marks the span failed the way OpenTelemetry records errors: status error with the message,
    /// `error.type` unless the code already set a more specific one, and an `exception` event.
    mutating func recordError(_ error: any Error, atUnixNanos time: Int64) {
        let type = ErrorAttributes.typeName(of: error)
        let message = String(describing: error)
        status = .error
        statusMessage = message
        if attributes[ErrorAttributes.errorType] == nil {
            attributes[ErrorAttributes.errorType] = .string(type)
        }
        events.append(
            SpanEvent(
                name: "exception", timeNanos: time,
                attributes: [
                    ErrorAttributes.exceptionType: .string(type), ErrorAttributes.exceptionMessage: .string(message),
                ]))
    }
}
