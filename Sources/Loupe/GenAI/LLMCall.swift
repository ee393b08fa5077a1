/// The running LLM call handed to the body of ``Telemetry/llmCall(_:isolation:_:)``: record what
/// the provider answered.
///
/// ```swift
/// try await telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini", isStreaming: true)) { call in
///     for try await chunk in client.stream(prompt) {
///         call.recordChunk()                      // the first one sets time to first chunk
///         output.append(chunk.text)
///     }
///     call.recordResponse(model: "gpt-4o-mini-2024-07-18", finishReasons: ["stop"])
///     call.recordUsage(TokenUsage(input: 1_000, output: 100))
/// }
/// ```
public struct LLMCall: Sendable {
    /// The underlying span, for attributes the helper does not cover.
    public let span: Span
    let capture: ContentCapture
    let stream: StreamProgress?

    /// Records the prompt as `gen_ai.input.messages`, when content capture is on; `messages` is
    /// not evaluated otherwise.
    public func recordInput(_ messages: @autoclosure () -> [GenAIMessage]) {
        guard span.isRecording, capture.isEnabled else { return }
        span.setAttribute(GenAIAttributes.inputMessages, .string(GenAIMessage.json(messages(), capture: capture)))
    }

    /// Records the system prompt as `gen_ai.system_instructions`, when content capture is on.
    public func recordSystemInstructions(_ text: @autoclosure () -> String) {
        guard span.isRecording, let prepared = capture.prepare(text()) else { return }
        var writer = JSONWriter()
        writer.raw("[{\"type\":\"text\",\"content\":")
        writer.string(prepared)
        writer.raw("}]")
        span.setAttribute(GenAIAttributes.systemInstructions, .string(writer.string))
    }

    /// Records the completion as `gen_ai.output.messages`, when content capture is on.
    public func recordOutput(_ messages: @autoclosure () -> [GenAIMessage]) {
        guard span.isRecording, capture.isEnabled else { return }
        span.setAttribute(GenAIAttributes.outputMessages, .string(GenAIMessage.json(messages(), capture: capture)))
    }

    /// Records the response's id, the model that actually answered, and why each choice ended.
    public func recordResponse(id: String? = nil, model: String? = nil, finishReasons: [String] = []) {
        guard span.isRecording else { return }
        if let id { span.setAttribute(GenAIAttributes.responseID, .string(id)) }
        if let model { span.setAttribute(GenAIAttributes.responseModel, .string(model)) }
        if !finishReasons.isEmpty {
            span.setAttribute(GenAIAttributes.responseFinishReasons, .array(finishReasons.map { .string($0) }))
        }
    }

    /// Records token counts as `gen_ai.usage.*`; the call is priced from them when it ends.
    ///
    /// Following the conventions, `input` includes cached tokens (Anthropic reports them apart:
    /// add them up).
    public func recordUsage(_ usage: TokenUsage) {
        span.recordUsage(usage)
    }

    /// Counts one streamed chunk carrying `outputTokens` tokens (1 when the provider streams
    /// tokens). The first chunk sets `gen_ai.response.time_to_first_chunk`, in seconds.
    ///
    /// When the call ends, output tokens per second are derived from the reported output tokens
    /// (else the counted chunk tokens) over the time from the first chunk to the end: the
    /// generation rate, not diluted by time to first chunk.
    public func recordChunk(outputTokens: Int = 1) {
        guard let storage = span.storage, let stream else { return }
        guard let first = stream.recordChunk(tokens: outputTokens, clock: storage.telemetry.configuration.clock)
        else { return }
        let seconds = Double(first.nanosSince(storage.start)) / 1e9
        span.setAttribute(GenAIAttributes.responseTimeToFirstChunk, .double(seconds))
        span.setMeasurement(MeasurementKey.timeToFirstChunkSeconds, seconds)
    }
}
