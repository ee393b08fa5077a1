extension SpanRecord {
    /// Whole-value attributes that carry what a model call was sent, in the order a prompt reads.
    static let promptKeys = [
        "gen_ai.system_instructions", "gen_ai.input.messages", "gen_ai.prompt", "ai.prompt", "ai.prompt.messages", "input.value",
    ]
    /// Prefixes of flattened prompt attributes (`gen_ai.prompt.0.content`, `llm.input_messages.1.message.content`).
    static let promptKeyPrefixes = ["gen_ai.prompt.", "llm.input_messages.", "llm.prompts."]

    /// The text a model call was sent, as its convention recorded it (nil when it recorded none):
    /// the same prompt sent twice reads the same. Flattened messages are put back in index order,
    /// and the pre-1.37 GenAI message events count as prompt.
    public var promptText: String? {
        var parts: [String] = []
        for key in Self.promptKeys { if let text = attributes[key].flatMap(Self.text) { parts.append(text) } }
        var flattened: [(index: Int, key: String, text: String)] = []
        for (key, value) in attributes {
            guard let prefix = Self.promptKeyPrefixes.first(where: key.hasPrefix), let text = Self.text(value) else { continue }
            let rest = key.dropFirst(prefix.count)
            flattened.append((Int(rest.prefix { $0.isNumber }) ?? 0, key, text))
        }
        parts += flattened.sorted { ($0.index, $0.key) < ($1.index, $1.key) }.map(\.text)
        for event in events where event.name.hasPrefix("gen_ai.") && event.name.hasSuffix(".message") {
            if let text = event.attributes["content"].flatMap(Self.text) { parts.append(text) }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    private static func text(_ value: AttributeValue) -> String? {
        switch value {
        case .string(let s): return s.isEmpty ? nil : s
        case .array(let values): return values.compactMap(text).joined(separator: "\n")
        case .kvlist(let map): return map.keys.sorted().compactMap { map[$0].flatMap(text) }.joined(separator: "\n")
        case .int, .double, .bool: return value.stringValue
        case .bytes: return nil
        }
    }
}
