extension Telemetry {
    /// Runs a model call in a `loupe.llm.call` span that records the OpenTelemetry GenAI inference
    /// conventions: `gen_ai.operation.name`, `gen_ai.provider.name`, `gen_ai.request.*` at start;
    /// response model, finish reasons, usage, time to first chunk, and `loupe.cost.usd` from
    /// ``Configuration/pricing`` as the body records them.
    ///
    /// The span is named `{operation} {model}` (`chat gpt-4o-mini`) and has kind client. If the
    /// body throws, the span ends with status error and `error.type`, and the error is rethrown.
    public func llmCall<Result>(
        _ request: LLMRequest, isolation: isolated (any Actor)? = #isolation,
        _ body: (LLMCall) async throws -> Result
    ) async rethrows -> Result {
        var stream: StreamProgress?
        let span = startGenAISpan(.llmCall, kind: .client) {
            let progress = StreamProgress()
            stream = progress
            return GenAISpanSetup(
                name: request.spanName, attributes: request.attributes,
                finisher: Telemetry.llmFinisher(stream: progress, pricing: configuration.pricing))
        }
        let call = LLMCall(span: span, capture: configuration.contentCapture, stream: stream)
        return try await span.run(isolation: isolation) { _ in try await body(call) }
    }

    /// Derives throughput and cost once the body has recorded everything.
    private static func llmFinisher(stream: StreamProgress, pricing: GenAIPricing?) -> SpanStorage.Finisher {
        { recording, start, end in
            let progress = stream.snapshot
            if progress.chunks > 0 {
                recording.attributes[LoupeAttributes.chunkCount] = .int(progress.chunks)
                recording.measurements[LoupeAttributes.chunkCount] = Double(progress.chunks)
            }
            if let first = progress.firstChunk {
                let tokens = recording.attributes[GenAIAttributes.usageOutputTokens]?.intValue ?? progress.tokens
                let seconds = Double(end.nanosSince(first)) / 1e9
                if tokens > 0, seconds > 0 {
                    let rate = Double(tokens) / seconds
                    recording.attributes[LoupeAttributes.outputTokensPerSecond] = .double(rate)
                    recording.measurements[MeasurementKey.outputTokensPerSecond] = rate
                }
            }
            pricing?.recordCost(in: &recording, atUnixNanos: start.unixNanos, evenWithoutUsage: false)
        }
    }
}
