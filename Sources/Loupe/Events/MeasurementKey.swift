/// Names of the measurements Loupe puts on its events.
///
/// GenAI measurements reuse the OpenTelemetry attribute names, so a metrics handler can tag and
/// name instruments without a translation table. Times are nanoseconds unless the name says
/// otherwise; `Double` is exact for durations below 104 days.
public enum MeasurementKey {
    /// On `start`: the monotonic clock reading, in nanoseconds.
    public static let monotonicTimeNanos = "monotonic_time_ns"
    /// On `start`: wall-clock time, in nanoseconds since 1970.
    public static let systemTimeNanos = "system_time_ns"
    /// On `stop` and `exception`: the span's monotonic duration, in nanoseconds.
    public static let durationNanos = "duration_ns"

    public static let inputTokens = GenAIAttributes.usageInputTokens
    public static let outputTokens = GenAIAttributes.usageOutputTokens
    public static let cacheReadInputTokens = GenAIAttributes.usageCacheReadInputTokens
    public static let cacheCreationInputTokens = GenAIAttributes.usageCacheCreationInputTokens
    public static let reasoningOutputTokens = GenAIAttributes.usageReasoningOutputTokens
    /// Seconds from the start of a streaming call to its first chunk.
    public static let timeToFirstChunkSeconds = GenAIAttributes.responseTimeToFirstChunk
    /// Output tokens per second after the first chunk of a streaming call.
    public static let outputTokensPerSecond = LoupeAttributes.outputTokensPerSecond
    /// The call's cost in US dollars, when a price catalog priced it.
    public static let costUSD = LoupeAttributes.costUSD
    /// Documents a retrieval returned or a rerank scored.
    public static let documentCount = LoupeAttributes.documentCount
}
