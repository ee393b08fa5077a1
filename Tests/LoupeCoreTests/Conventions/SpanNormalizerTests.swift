import LoupeCore
import Testing

/// One realistic payload per convention; every one must land in the same record fields.
struct SpanNormalizerTests {
    let normalizer = SpanNormalizer(options: NormalizationOptions(businessDimensions: ["business_unit"]))

    func raw(_ name: String, kind: SpanKind = .client, _ attributes: [String: AttributeValue], resource: [String: AttributeValue] = ["service.name": "svc"]) -> RawSpan {
        RawSpan(
            traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", name: name, kind: kind,
            startNanos: 1_700_000_000_000_000_000, endNanos: 1_700_000_001_500_000_000, attributes: attributes,
            resourceAttributes: resource
        )
    }

    @Test func openTelemetryGenAICurrent() {
        let record = normalizer.normalize(raw("chat gpt-4o", [
            "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o",
            "gen_ai.response.model": "gpt-4o-2024-08-06", "gen_ai.usage.input_tokens": 1200, "gen_ai.usage.output_tokens": 300,
            "gen_ai.usage.cache_read.input_tokens": 400, "gen_ai.usage.cache_creation.input_tokens": 100,
            "gen_ai.usage.reasoning.output_tokens": 50, "gen_ai.response.finish_reasons": .array(["stop"]),
            "gen_ai.response.time_to_first_chunk": 0.25, "gen_ai.conversation.id": "conv-1", "user.id": "u-1",
            "business_unit": "sales", "gen_ai.request.temperature": 0.2,
        ], resource: ["service.name": "rag", "loupe.project": "acme"]))
        #expect(record.operation == .llm)
        #expect(record.provider == "openai")
        #expect(record.requestModel == "gpt-4o")
        #expect(record.responseModel == "gpt-4o-2024-08-06")
        #expect(record.usage == TokenUsage(input: 1200, output: 300, cacheRead: 400, cacheWrite: 100, reasoning: 50))
        #expect(record.countsUsage)
        #expect(record.finishReason == "stop")
        #expect(record.timeToFirstTokenMs == 250)
        #expect(record.sessionId == "conv-1")
        #expect(record.userId == "u-1")
        #expect(record.project == "acme")
        #expect(record.service == "rag")
        #expect(record.dimensions == ["business_unit": "sales"])
        #expect(record.durationMs == 1500)
        // Mapped keys are not repeated; the rest is kept.
        #expect(record.attributes["gen_ai.usage.input_tokens"] == nil)
        #expect(record.attributes["gen_ai.request.temperature"] == .double(0.2))
    }

    @Test func openTelemetryGenAIBeforeVersion137() {
        let record = normalizer.normalize(raw("chat", [
            "gen_ai.system": "vertex_ai", "gen_ai.request.model": "gemini-1.5-pro",
            "gen_ai.usage.prompt_tokens": 10, "gen_ai.usage.completion_tokens": 5,
        ]))
        #expect(record.operation == .llm)
        #expect(record.provider == "gcp.vertex_ai")
        #expect(record.usage.input == 10)
        #expect(record.usage.output == 5)
    }

    @Test func openInference() {
        let record = normalizer.normalize(raw("ChatCompletion", kind: .internal, [
            "openinference.span.kind": "LLM", "llm.provider": "azure", "llm.system": "openai",
            "llm.model_name": "gpt-4o-mini", "llm.token_count.prompt": 80, "llm.token_count.completion": 20,
            "llm.token_count.total": 100, "llm.token_count.prompt_details.cache_read": 30, "session.id": "s-9",
            "user.id": "u-9", "metadata": #"{"business_unit": "research", "other": 1}"#,
        ], resource: ["service.name": "agent", "openinference.project.name": "lab"]))
        #expect(record.operation == .llm)
        #expect(record.provider == "azure.ai.openai")
        #expect(record.requestModel == "gpt-4o-mini")
        #expect(record.usage == TokenUsage(input: 80, output: 20, cacheRead: 30, total: 100))
        #expect(record.sessionId == "s-9")
        #expect(record.project == "lab")
        #expect(record.dimensions == ["business_unit": "research"])
    }

    @Test(arguments: [("AGENT", OperationKind.agent), ("RETRIEVER", .retrieval), ("RERANKER", .rerank), ("TOOL", .tool),
                      ("CHAIN", .chain), ("GUARDRAIL", .guardrail), ("EVALUATOR", .evaluator), ("EMBEDDING", .embedding)])
    func openInferenceKinds(kind: String, expected: OperationKind) {
        #expect(normalizer.normalize(raw("x", ["openinference.span.kind": .string(kind)])).operation == expected)
    }

    /// openinference-instrumentation-openai names no model on a failed call; the requested one is in
    /// `llm.invocation_parameters` (LlamaIndex calls it `model_name`).
    @Test(arguments: [#"{"model": "gpt-4o-mini", "temperature": 0}"#, #"{"model_name": "gpt-4o-mini"}"#])
    func openInferenceFailuresKeepTheRequestedModel(parameters: String) {
        var failed = raw("ChatCompletion", kind: .internal, [
            "openinference.span.kind": "LLM", "llm.provider": "openai", "llm.invocation_parameters": .string(parameters),
        ])
        failed.statusCode = .error
        failed.statusMessage = "RateLimitError: Error code: 429"
        let record = normalizer.normalize(failed)
        #expect(record.requestModel == "gpt-4o-mini")
        #expect(record.operation == .llm)
        #expect(record.role == [.request, .call])
        // A model the span names itself wins over the parameters.
        failed.attributes["llm.model_name"] = "gpt-4o-mini-2024-07-18"
        #expect(normalizer.normalize(failed).model == "gpt-4o-mini-2024-07-18")
    }

    /// The provider's response id, which recognises one call reported by two instrumentations: an
    /// attribute in OTel GenAI and OpenLLMetry, the `id` inside `output.value` in OpenInference (the
    /// provider's response from its OpenAI instrumentation, LangChain's `LLMResult` from its LangChain one).
    @Test(arguments: [
        (["gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o-mini", "gen_ai.response.id": "chatcmpl-0"], "chatcmpl-0"),
        ([
            "openinference.span.kind": "LLM", "llm.model_name": "gpt-4o-mini", "output.mime_type": "application/json",
            "output.value": #"{"id":"chatcmpl-1","object":"chat.completion","choices":[]}"#,
        ], "chatcmpl-1"),
        ([
            "openinference.span.kind": "LLM", "llm.model_name": "gpt-4o-mini", "output.mime_type": "application/json",
            "output.value": #"{"generations": [[]], "llm_output": {"model_name": "gpt-4o-mini", "id": "chatcmpl-2"}, "type": "LLMResult"}"#,
        ], "chatcmpl-2"),
        // Plain text output, or a span that is no model call, has none.
        (["openinference.span.kind": "LLM", "llm.model_name": "gpt-4o-mini", "output.value": #"{"id":"x"}"#], nil),
        (["openinference.span.kind": "CHAIN", "output.mime_type": "application/json", "output.value": #"{"id":"run-1"}"#], nil),
    ] as [([String: AttributeValue], String?)])
    func responseIds(attributes: [String: AttributeValue], expected: String?) {
        #expect(normalizer.normalize(raw("call", attributes)).responseId == expected)
    }

    /// OpenLLMetry's LangChain instrumentation writes "unknown" for a chat model it cannot serialise.
    @Test func unknownIsNoModelName() {
        let span = raw("ChatModel.chat", [
            "gen_ai.operation.name": "chat", "gen_ai.request.model": "unknown", "gen_ai.response.model": "fake-agent-model",
        ])
        #expect(normalizer.normalize(span).model == "fake-agent-model")
    }

    @Test func entrySpansAreRootsRemoteChildrenAndServers() {
        var span = raw("step", kind: .internal, [:])
        #expect(normalizer.normalize(span).isEntry)
        span.parentSpanId = "00f067aa0ba902b7"
        #expect(!normalizer.normalize(span).isEntry)
        span.parentIsRemote = true
        #expect(normalizer.normalize(span).isEntry)
        span.parentIsRemote = false
        span.kind = .server
        #expect(normalizer.normalize(span).isEntry)
        span.kind = .consumer
        #expect(normalizer.normalize(span).isEntry)
    }

    @Test func vercelLegacyInnerAndOuterSpansCountOnce() {
        let inner = normalizer.normalize(raw("ai.streamText.doStream", [
            "ai.operationId": "ai.streamText.doStream", "ai.model.provider": "openai.chat", "ai.model.id": "gpt-4o-mini",
            "gen_ai.system": "openai.chat", "ai.usage.inputTokens": 500, "ai.usage.outputTokens": 60,
            "gen_ai.usage.input_tokens": 500, "gen_ai.usage.output_tokens": 60, "ai.response.msToFirstChunk": 420.5,
            "ai.response.finishReason": "stop", "ai.telemetry.metadata.userId": "u-3",
            "ai.telemetry.metadata.businessUnit": "support",
        ]))
        let outer = normalizer.normalize(raw("ai.streamText", kind: .internal, [
            "ai.operationId": "ai.streamText", "ai.model.provider": "openai.chat", "ai.model.id": "gpt-4o-mini",
            "ai.usage.inputTokens": 500, "ai.usage.outputTokens": 60,
        ]))
        #expect(inner.operation == .llm && inner.countsUsage)
        #expect(inner.provider == "openai")
        #expect(inner.timeToFirstTokenMs == 420.5)
        #expect(inner.userId == "u-3")
        #expect(inner.dimensions == ["business_unit": "support"])
        #expect(outer.operation == .chain)
        #expect(outer.usage.input == 500)
        #expect(!outer.countsUsage)
        #expect(outer.countedUsage == .none)
    }

    @Test func vercelVersion7UsesSecondsForTimeToFirstChunk() {
        let record = normalizer.normalize(raw("chat gpt-4o", [
            "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai",
            "gen_ai.client.operation.time_to_first_chunk": 0.5,
        ]))
        #expect(record.timeToFirstTokenMs == 500)
    }

    @Test func vercelVersion7AgentTotalsAreNotCountedAgain() {
        let agent = normalizer.normalize(raw("invoke_agent gpt-4o", kind: .internal, [
            "gen_ai.operation.name": "invoke_agent", "gen_ai.usage.input_tokens": 900, "gen_ai.usage.output_tokens": 90,
        ]))
        #expect(agent.operation == .agent)
        #expect(!agent.countsUsage)
        // A remote agent (CLIENT) has no visible children: its usage is the only record of the tokens.
        let remote = normalizer.normalize(raw("invoke_agent assistant", kind: .client, [
            "gen_ai.operation.name": "invoke_agent", "gen_ai.usage.input_tokens": 900,
        ]))
        #expect(remote.countsUsage)
    }

    @Test func openLLMetryLegacyShape() {
        let record = normalizer.normalize(raw("anthropic.chat", [
            "gen_ai.system": "Anthropic", "llm.request.type": "chat", "gen_ai.request.model": "claude-3-5-haiku-20241022",
            "gen_ai.usage.prompt_tokens": 2000, "gen_ai.usage.completion_tokens": 200, "llm.usage.total_tokens": 2200,
            "gen_ai.usage.cache_read_input_tokens": 1000, "gen_ai.usage.cache_creation_input_tokens": 50,
            "traceloop.association.properties.user_id": "u-7", "traceloop.association.properties.session_id": "s-7",
            "traceloop.association.properties.business_unit": "marketing",
        ]))
        #expect(record.operation == .llm)
        #expect(record.provider == "anthropic")
        #expect(record.usage == TokenUsage(input: 2000, output: 200, cacheRead: 1000, cacheWrite: 50, total: 2200))
        #expect(record.userId == "u-7")
        #expect(record.sessionId == "s-7")
        #expect(record.dimensions == ["business_unit": "marketing"])
    }

    @Test func openLLMetryWorkflowIsAChain() {
        let record = normalizer.normalize(raw("summarize.workflow", kind: .internal, ["traceloop.span.kind": "workflow"]))
        #expect(record.operation == .chain)
    }

    @Test func errorsTakeTypeAndMessageFromStatusOrException() {
        var span = raw("chat", ["gen_ai.operation.name": "chat", "error.type": "RateLimitError"])
        span.statusCode = .error
        span.events = [SpanEvent(name: "exception", timeNanos: span.endNanos, attributes: [
            "exception.type": "openai.RateLimitError", "exception.message": "Rate limit reached",
        ])]
        let record = normalizer.normalize(span)
        #expect(record.isError)
        #expect(record.errorType == "RateLimitError")
        #expect(record.errorMessage == "Rate limit reached")
        #expect(record.events.count == 1)
    }

    @Test func streamingChunkEventsAreCountedNotKept() {
        var span = raw("openai.chat", ["gen_ai.operation.name": "chat"])
        span.events = (0..<5).map { SpanEvent(name: "gen_ai.content.completion.chunk", timeNanos: span.startNanos + Int64($0)) }
        let record = normalizer.normalize(span)
        #expect(record.events.isEmpty)
        #expect(record.attributes["loupe.chunk_events"] == .int(5))
    }

    @Test func unknownSpansAreStagesAndKeepTheirAttributes() {
        let record = normalizer.normalize(raw("parse.pdf", kind: .internal, ["pages": 12]))
        #expect(record.operation == .stage)
        #expect(record.attributes["pages"] == .int(12))
        #expect(record.project == "default")
        #expect(!record.countsUsage)
    }

    @Test func projectHeaderOverridesResource() {
        let record = normalizer.normalize(raw("x", [:], resource: ["loupe.project": "a"]), project: "b")
        #expect(record.project == "b")
    }
}
