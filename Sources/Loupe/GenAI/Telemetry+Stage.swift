extension Telemetry {
    /// Runs a named pipeline stage (prompt building, parsing, a guardrail, a whole RAG request) in a
    /// `loupe.stage` span named `name`, recording `loupe.operation.kind` so the server's stage
    /// breakdown puts its time in the right bucket.
    ///
    /// A ``OperationKind/chain`` stage is an OpenTelemetry workflow: it also records
    /// `gen_ai.operation.name = invoke_workflow` and `gen_ai.workflow.name`.
    public func stage<Result>(
        _ name: String, kind: OperationKind = .stage, attributes: @autoclosure () -> [String: AttributeValue] = [:],
        _ body: (Span) throws -> Result
    ) rethrows -> Result {
        let span = startGenAISpan(.stage, kind: .internal) { Telemetry.stageSetup(name, kind, attributes()) }
        return try span.run(body)
    }

    /// Runs an asynchronous pipeline stage; see ``stage(_:kind:attributes:_:)``.
    public func stage<Result>(
        _ name: String, kind: OperationKind = .stage, attributes: @autoclosure () -> [String: AttributeValue] = [:],
        isolation: isolated (any Actor)? = #isolation, _ body: (Span) async throws -> Result
    ) async rethrows -> Result {
        let span = startGenAISpan(.stage, kind: .internal) { Telemetry.stageSetup(name, kind, attributes()) }
        return try await span.run(isolation: isolation, body)
    }

    private static func stageSetup(
        _ name: String, _ kind: OperationKind, _ extra: [String: AttributeValue]
    ) -> GenAISpanSetup {
        var attributes = extra
        attributes[LoupeAttributes.operationKind] = .string(kind.rawValue)
        attributes[LoupeAttributes.stageName] = .string(name)
        if kind == .chain {
            attributes[GenAIAttributes.operationName] = "invoke_workflow"
            attributes[GenAIAttributes.workflowName] = .string(name)
        }
        return GenAISpanSetup(name: name, attributes: attributes, finisher: nil)
    }
}
