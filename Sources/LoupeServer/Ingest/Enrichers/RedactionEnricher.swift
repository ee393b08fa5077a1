import LoupeCore

/// Removes personal data and secrets before anything is stored.
///
/// Applies to prompt, completion, tool and document content (see ``ConventionTable/isContent(_:)``),
/// content events, error messages and exception text, and any attribute the user names. With content
/// capture off, content attributes and events are dropped instead. What was found is counted per span
/// in `loupe.redacted.<detector>` attributes.
public struct RedactionEnricher: SpanEnricher {
    public let redactor: Redactor
    public let captureContent: Bool
    /// Further attributes to redact (e.g. `customer.note`), whatever convention they belong to.
    public let extraKeys: Set<String>

    public init(redactor: Redactor = Redactor(), captureContent: Bool = true, extraKeys: Set<String> = []) {
        self.redactor = redactor
        self.captureContent = captureContent
        self.extraKeys = extraKeys
    }

    public func enrich(_ span: inout SpanRecord) {
        var counts: [PIIDetector: Int] = [:]
        redactAttributes(&span.attributes, &counts)
        if let message = span.errorMessage { span.errorMessage = redact(message, &counts) }
        span.events = span.events.compactMap { event in
            let content = ConventionTable.isContentEvent(event.name)
            if content && !captureContent { return nil }
            guard content || event.isException else { return event }
            var redacted = event
            for (key, value) in event.attributes where content || key == "exception.message" || key == "exception.stacktrace" {
                redacted.attributes[key] = redact(value, &counts)
            }
            return redacted
        }
        Self.note(counts, in: &span.attributes)
    }

    /// A log record's body is redacted whatever it is: a GenAI event's body is a prompt or a
    /// completion, and a plain log's message may quote anything. With content capture off, a GenAI
    /// event's body and content attributes are dropped.
    public func enrich(_ log: inout LogRecord) {
        var counts: [PIIDetector: Int] = [:]
        redactAttributes(&log.attributes, &counts)
        for key in ["exception.message", "exception.stacktrace"] {
            if let value = log.attributes[key] { log.attributes[key] = redact(value, &counts) }
        }
        if let body = log.body {
            log.body = log.isGenAIEvent && !captureContent ? nil : redact(body, &counts)
        }
        Self.note(counts, in: &log.attributes)
    }

    /// Content attributes and the ones the user named: redacted, or dropped with content capture off.
    private func redactAttributes(_ attributes: inout [String: AttributeValue], _ counts: inout [PIIDetector: Int]) {
        for key in Array(attributes.keys) {
            let isContent = ConventionTable.isContent(key)
            guard isContent || extraKeys.contains(key), let value = attributes[key] else { continue }
            if isContent && !captureContent {
                attributes.removeValue(forKey: key)
            } else {
                attributes[key] = redact(value, &counts)
            }
        }
    }

    /// What was found, counted in `loupe.redacted.<detector>` attributes.
    private static func note(_ counts: [PIIDetector: Int], in attributes: inout [String: AttributeValue]) {
        for (detector, count) in counts where count > 0 {
            attributes["loupe.redacted.\(detector.rawValue)"] = .int(Int64(count))
        }
    }

    private func redact(_ text: String, _ counts: inout [PIIDetector: Int]) -> String {
        let result = redactor.redact(text)
        for (detector, count) in result.counts { counts[detector, default: 0] += count }
        return result.text
    }

    private func redact(_ value: AttributeValue, _ counts: inout [PIIDetector: Int]) -> AttributeValue {
        switch value {
        case .string(let text): return .string(redact(text, &counts))
        case .array(let values): return .array(values.map { redact($0, &counts) })
        case .kvlist(let map): return .kvlist(map.mapValues { redact($0, &counts) })
        case .bytes: return captureContent ? value : .string("")
        case .bool, .int, .double: return value
        }
    }
}
