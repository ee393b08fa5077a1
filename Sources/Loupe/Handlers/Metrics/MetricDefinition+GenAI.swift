extension MetricDefinition {
    /// Bucket boundaries of `gen_ai.client.token.usage`, from the OpenTelemetry GenAI conventions (v1.41).
    public static let genAITokenBuckets: [Double] = [
        1, 4, 16, 64, 256, 1_024, 4_096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216, 67_108_864,
    ]

    /// Bucket boundaries, in seconds, of `gen_ai.client.operation.duration` and
    /// `gen_ai.client.operation.time_to_first_chunk`, from the same conventions.
    public static let genAIDurationBuckets: [Double] = [
        0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
    ]

    /// The tags of every GenAI client metric: the attributes the conventions require or require
    /// conditionally (`gen_ai.operation.name`, `gen_ai.provider.name`, `gen_ai.request.model`).
    public static let genAIBaseTags: [String] = [
        GenAIAttributes.operationName, GenAIAttributes.providerName, GenAIAttributes.requestModel,
    ]

    /// The OpenTelemetry GenAI client metrics (semantic conventions v1.41), from LLM-call and
    /// embedding spans:
    ///
    /// - `gen_ai.client.token.usage` (`{token}`): input and output tokens, tagged
    ///   `gen_ai.token.type` = `input`/`output`; calls that did not report usage record nothing.
    /// - `gen_ai.client.operation.duration` (`s`): every call, with `error.type` on failures.
    /// - `gen_ai.client.operation.time_to_first_chunk` (`s`): streaming LLM calls.
    ///
    /// All three carry ``genAIBaseTags`` and the conventions' bucket boundaries.
    public static let genAIDefaults: [MetricDefinition] = {
        let spans = [EventName.llmCall, EventName.embedding]
        let ends = spans.flatMap { [$0.stop, $0.exception] }
        var definitions: [MetricDefinition] = []
        for event in ends {
            for (type, key) in [("input", MeasurementKey.inputTokens), ("output", MeasurementKey.outputTokens)] {
                definitions.append(
                    .distribution(
                        "gen_ai.client.token.usage", event: event, measurement: .key(key), unit: .tokens,
                        buckets: genAITokenBuckets, tags: genAIBaseTags, constantTags: ["gen_ai.token.type": type]))
            }
            definitions.append(
                .distribution(
                    "gen_ai.client.operation.duration", event: event, measurement: .duration(in: .seconds),
                    unit: .seconds, buckets: genAIDurationBuckets,
                    tags: genAIBaseTags + [ErrorAttributes.errorType]))
        }
        for event in [EventName.llmCall.stop, EventName.llmCall.exception] {
            definitions.append(
                .distribution(
                    "gen_ai.client.operation.time_to_first_chunk", event: event,
                    measurement: .key(MeasurementKey.timeToFirstChunkSeconds), unit: .seconds,
                    buckets: genAIDurationBuckets, tags: genAIBaseTags))
        }
        return definitions
    }()
}
