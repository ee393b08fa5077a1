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
        for key in Array(span.attributes.keys) {
            let isContent = ConventionTable.isContent(key)
            guard isContent || extraKeys.contains(key), let value = span.attributes[key] else { continue }
            if isContent && !captureContent {
                span.attributes.removeValue(forKey: key)
            } else {
                span.attributes[key] = redact(value, &counts)
            }
        }
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
        for (detector, count) in counts where count > 0 {
            span.attributes["loupe.redacted.\(detector.rawValue)"] = .int(Int64(count))
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
