import LoupeCore

/// The selected span's panel in the trace view: its facts, its error and what to do about it,
/// its (redacted) prompt and completion, and every other attribute.
struct SpanPanelBuilder {
    let span: SpanRecord
    let traceStart: Int64
    /// The span's log records: GenAI events sent as logs carry its prompt and completion.
    var logs: [LogRecord] = []

    /// Attribute keys that carry prompt or completion text across the conventions.
    static let contentMarkers = ["prompt", "completion", "input.value", "output.value", "messages", "input_messages", "output_messages"]
    /// A value longer than this is cut in the panel; the JSON API has it whole.
    static let maxValueLength = 4_000

    static let empty = TraceView.SpanPanel(
        name: "", facts: [], failed: false, errorType: "", errorMessage: "", category: "", remediation: "", steps: [],
        content: [], hasContent: false, attributes: [], resource: []
    )

    /// A message event's text: its `content` (`gen_ai.user.message`), or its message's
    /// (`gen_ai.choice`); any other body as it is.
    static func text(ofBody body: AttributeValue) -> String {
        if case .kvlist(let fields) = body {
            if case .string(let content)? = fields["content"] { return content }
            if case .kvlist(let message)? = fields["message"], case .string(let content)? = message["content"] { return content }
        }
        return AttributeText.text(body)
    }

    func build() -> TraceView.SpanPanel {
        let s = span
        var facts: [TraceView.Pair] = [
            .init(key: "operation", value: s.operation.rawValue), .init(key: "service", value: s.service),
            .init(key: "span id", value: s.spanId),
            .init(key: "status", value: s.status.rawValue),
            .init(key: "duration", value: DisplayFormat.duration(ms: s.durationMs)),
            .init(key: "starts at", value: "+" + DisplayFormat.duration(ms: Double(s.startNanos - traceStart) / 1e6)),
        ]
        func add(_ key: String, _ value: String?) { if let value, !value.isEmpty { facts.append(.init(key: key, value: value)) } }
        add("request model", s.requestModel)
        add("response model", s.responseModel)
        add("provider", s.provider)
        if s.usage.isReported {
            add("input tokens", s.usage.input.map(String.init))
            add("output tokens", s.usage.output.map(String.init))
            add("cache read tokens", s.usage.cacheRead.map(String.init))
            add("counted", s.countsUsage ? "yes" : "no: another span reports this call")
            if s.countsUsage { add("cost", DisplayFormat.dollars(s.costUSD)) }
        }
        add("time to first token", s.timeToFirstTokenMs.map { DisplayFormat.duration(ms: $0) })
        add("finish reason", s.finishReason)
        add("user", s.userId)
        add("session", s.sessionId)
        for (name, value) in s.dimensions.sorted(by: { $0.key < $1.key }) { add(name, value) }

        var content: [TraceView.Pair] = []
        var attributes: [TraceView.Pair] = []
        for (key, value) in s.attributes.sorted(by: { $0.key < $1.key }) {
            let pair = TraceView.Pair(key: key, value: String(AttributeText.text(value).prefix(Self.maxValueLength)))
            if Self.contentMarkers.contains(where: key.contains) { content.append(pair) } else { attributes.append(pair) }
        }
        // An instrumentation that sends messages as events puts no content on the span itself.
        for record in logs {
            guard let body = record.body else { continue }
            let key = record.eventName ?? "log" + (record.severityText.map { " (\($0))" } ?? "")
            content.append(.init(key: key, value: String(Self.text(ofBody: body).prefix(Self.maxValueLength))))
        }
        let category = s.isError ? (s.errorCategory.flatMap(ErrorCategory.init(rawValue:)) ?? .unknown) : nil
        return TraceView.SpanPanel(
            name: s.name, facts: facts, failed: s.isError, errorType: s.errorType ?? "",
            errorMessage: String((s.errorMessage ?? "").prefix(Self.maxValueLength)), category: category?.rawValue ?? "",
            remediation: category?.remediation.summary ?? "", steps: category?.remediation.steps ?? [],
            content: content, hasContent: !content.isEmpty, attributes: attributes,
            resource: s.resourceAttributes.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: AttributeText.text($0.value)) }
        )
    }
}
