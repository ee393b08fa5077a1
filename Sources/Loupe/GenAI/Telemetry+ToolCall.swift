extension Telemetry {
    /// Runs a tool in a `loupe.tool.call` span (`execute_tool {name}`, kind internal) with
    /// `gen_ai.operation.name = execute_tool` and `gen_ai.tool.*`.
    ///
    /// - Parameters:
    ///   - name: `gen_ai.tool.name`.
    ///   - callID: `gen_ai.tool.call.id`, the id the model gave this call.
    ///   - type: `gen_ai.tool.type`: `function`, `extension` or `datastore`.
    ///   - description: `gen_ai.tool.description`.
    public func toolCall<Result>(
        _ name: String, callID: String? = nil, type: String? = nil, description: String? = nil,
        isolation: isolated (any Actor)? = #isolation, _ body: (ToolCall) async throws -> Result
    ) async rethrows -> Result {
        let span = startGenAISpan(.toolCall, kind: .internal) {
            var attributes: [String: AttributeValue] = [
                GenAIAttributes.operationName: "execute_tool",
                GenAIAttributes.toolName: .string(name),
                LoupeAttributes.operationKind: .string(OperationKind.tool.rawValue),
            ]
            if let callID { attributes[GenAIAttributes.toolCallID] = .string(callID) }
            if let type { attributes[GenAIAttributes.toolType] = .string(type) }
            if let description { attributes[GenAIAttributes.toolDescription] = .string(description) }
            return GenAISpanSetup(name: "execute_tool \(name)", attributes: attributes, finisher: nil)
        }
        let call = ToolCall(span: span, capture: configuration.contentCapture)
        return try await span.run(isolation: isolation) { _ in try await body(call) }
    }
}
