extension Telemetry {
    /// Runs one step of an in-process agent in a `loupe.agent.step` span (`invoke_agent {agent}`,
    /// kind internal) with `gen_ai.operation.name = invoke_agent` and `gen_ai.agent.*`. The model
    /// and tool calls the step makes nest under it.
    ///
    /// - Parameters:
    ///   - agent: `gen_ai.agent.name`.
    ///   - agentID: `gen_ai.agent.id`.
    ///   - step: the step number within the agent's run (`loupe.agent.step`).
    ///   - conversationID: `gen_ai.conversation.id`.
    public func agentStep<Result>(
        agent: String, agentID: String? = nil, step: Int? = nil, conversationID: String? = nil,
        isolation: isolated (any Actor)? = #isolation, _ body: (Span) async throws -> Result
    ) async rethrows -> Result {
        let span = startGenAISpan(.agentStep, kind: .internal) {
            var attributes: [String: AttributeValue] = [
                GenAIAttributes.operationName: "invoke_agent",
                GenAIAttributes.agentName: .string(agent),
                LoupeAttributes.operationKind: .string(OperationKind.agent.rawValue),
            ]
            if let agentID { attributes[GenAIAttributes.agentID] = .string(agentID) }
            if let step { attributes[LoupeAttributes.agentStep] = .int(Int64(step)) }
            if let conversationID { attributes[GenAIAttributes.conversationID] = .string(conversationID) }
            return GenAISpanSetup(name: "invoke_agent \(agent)", attributes: attributes, finisher: nil)
        }
        return try await span.run(isolation: isolation, body)
    }
}
