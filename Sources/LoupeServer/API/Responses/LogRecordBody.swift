import LoupeCore

/// One log record in a trace's answer: a GenAI event (its name and body, the prompt or completion,
/// redacted) or a log line of the trace.
struct LogRecordBody: Encodable, Sendable {
    var time: String
    var spanId: String?
    var eventName: String?
    var severity: Int32?
    var severityText: String?
    var body: AttributeValue?
    var attributes: [String: AttributeValue]
    var service: String
    var scope: String?

    init(_ record: LogRecord) {
        time = Timestamps.format(nanos: record.timeNanos)
        spanId = record.spanId
        eventName = record.eventName
        severity = record.severityNumber == 0 ? nil : record.severityNumber
        severityText = record.severityText
        body = record.body
        attributes = record.attributes
        service = record.service
        scope = record.scopeName
    }

    enum CodingKeys: String, CodingKey {
        case time, severity, body, attributes, service, scope
        case spanId = "span_id"
        case eventName = "event_name"
        case severityText = "severity_text"
    }
}
