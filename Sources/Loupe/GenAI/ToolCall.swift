/// The running tool execution handed to the body of
/// ``Telemetry/toolCall(_:callID:type:description:isolation:_:)``.
public struct ToolCall: Sendable {
    /// The underlying span, for attributes the helper does not cover.
    public let span: Span
    let capture: ContentCapture

    /// Records the arguments (usually JSON) as `gen_ai.tool.call.arguments`, when content capture
    /// is on; `arguments` is not evaluated otherwise.
    public func recordArguments(_ arguments: @autoclosure () -> String) {
        guard span.isRecording, let text = capture.prepare(arguments()) else { return }
        span.setAttribute(GenAIAttributes.toolCallArguments, .string(text))
    }

    /// Records the result as `gen_ai.tool.call.result`, when content capture is on.
    public func recordResult(_ result: @autoclosure () -> String) {
        guard span.isRecording, let text = capture.prepare(result()) else { return }
        span.setAttribute(GenAIAttributes.toolCallResult, .string(text))
    }
}
