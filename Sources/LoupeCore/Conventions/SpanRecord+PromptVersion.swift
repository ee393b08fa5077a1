extension SpanRecord {
    /// The attributes that name a prompt's version, and those that name the prompt, by convention:
    /// OpenTelemetry GenAI (`gen_ai.prompt.*`), OpenInference (`llm.prompt_template.version`),
    /// OpenLLMetry's prompt management (`traceloop.prompt.*`), Langfuse, and the plain
    /// `prompt_engineering_version` label that seed pipelines record.
    public static let promptVersionAttributes = [
        "gen_ai.prompt.version", "llm.prompt_template.version", "traceloop.prompt.version", "langfuse.prompt.version",
        "prompt_engineering_version", "prompt.version",
    ]
    public static let promptNameAttributes = ["gen_ai.prompt.name", "traceloop.prompt.key", "langfuse.prompt.name", "prompt.name"]

    /// The prompt version the span ran with, as `name@version` when the prompt is named too, so
    /// versions of different prompts stay apart; nil when no convention names one.
    public var promptVersion: String? {
        guard let version = Self.promptVersionAttributes.lazy.compactMap({ self.label(self.attributes[$0]) }).first
            ?? dimensions["prompt_engineering_version"]
        else { return nil }
        let name = Self.promptNameAttributes.lazy.compactMap { self.label(self.attributes[$0]) }.first
        return String((name.map { "\($0)@\(version)" } ?? version).prefix(200))
    }

    /// A label's text as ``AttributeValue/stringValue`` reads it (`3` as digits); nothing for empty text.
    private func label(_ value: AttributeValue?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        return text
    }
}
