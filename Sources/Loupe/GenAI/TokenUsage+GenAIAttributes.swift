extension TokenUsage {
    /// The reported counts under their `gen_ai.usage.*` keys; unreported counts are left out,
    /// because "not reported" is not zero. `total` has no OpenTelemetry key and is not written.
    var genAIAttributeCounts: [(key: String, count: Int64)] {
        let all: [(String, Int64?)] = [
            (GenAIAttributes.usageInputTokens, input), (GenAIAttributes.usageOutputTokens, output),
            (GenAIAttributes.usageCacheReadInputTokens, cacheRead),
            (GenAIAttributes.usageCacheCreationInputTokens, cacheWrite),
            (GenAIAttributes.usageReasoningOutputTokens, reasoning),
        ]
        return all.compactMap { key, count in count.map { (key, $0) } }
    }

    /// The counts a span recorded under `gen_ai.usage.*`.
    init(genAIAttributes attributes: [String: AttributeValue]) {
        self.init(
            input: attributes[GenAIAttributes.usageInputTokens]?.intValue,
            output: attributes[GenAIAttributes.usageOutputTokens]?.intValue,
            cacheRead: attributes[GenAIAttributes.usageCacheReadInputTokens]?.intValue,
            cacheWrite: attributes[GenAIAttributes.usageCacheCreationInputTokens]?.intValue,
            reasoning: attributes[GenAIAttributes.usageReasoningOutputTokens]?.intValue)
    }
}

extension Span {
    /// Records `usage` as `gen_ai.usage.*` attributes and measurements.
    func recordUsage(_ usage: TokenUsage) {
        guard isRecording else { return }
        for (key, count) in usage.genAIAttributeCounts {
            setAttribute(key, .int(count))
            setMeasurement(key, Double(count))
        }
    }
}
