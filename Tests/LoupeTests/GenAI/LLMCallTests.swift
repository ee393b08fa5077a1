import Loupe
import LoupeTesting
import Synchronization
import Testing

struct LLMCallTests {
    static let pricing = GenAIPricing(
        catalog: try! PriceCatalog(entries: [
            ModelPrice(provider: "openai", model: "gpt-4o-mini", inputPerMillion: 0.15, outputPerMillion: 0.60)
        ]))

    @Test func recordsTheRequestWhenTheCallStarts() async throws {
        let harness = Harness()
        let request = LLMRequest(
            provider: "openai", model: "gpt-4o-mini", temperature: 0.2, maxTokens: 256, topP: 0.9,
            conversationID: "conv-1", serverAddress: "api.openai.com", serverPort: 443)

        await harness.telemetry.llmCall(request) { _ in }

        let start = try #require(harness.only(EventName.llmCall.start))
        #expect(
            start.metadata == [
                GenAIAttributes.operationName: "chat", GenAIAttributes.providerName: "openai",
                GenAIAttributes.requestModel: "gpt-4o-mini", GenAIAttributes.requestTemperature: 0.2,
                GenAIAttributes.requestMaxTokens: 256, GenAIAttributes.requestTopP: 0.9,
                GenAIAttributes.conversationID: "conv-1", GenAIAttributes.serverAddress: "api.openai.com",
                GenAIAttributes.serverPort: 443, LoupeAttributes.operationKind: "llm",
            ])
        let span = try #require(harness.recorder.finishedSpans.first)
        #expect(span.name == "chat gpt-4o-mini")
        #expect(span.kind == .client)
        #expect(span.event == .llmCall)
    }

    @Test func recordsResponseAndUsage() async throws {
        let harness = Harness()

        let text = await harness.telemetry.llmCall(LLMRequest(provider: "anthropic", model: "claude-sonnet-4")) {
            call in
            call.recordResponse(id: "msg_1", model: "claude-sonnet-4-20250514", finishReasons: ["stop", "length"])
            call.recordUsage(TokenUsage(input: 1_200, output: 80, cacheRead: 1_000, reasoning: 20))
            return "hello"
        }

        #expect(text == "hello")
        let stop = try #require(harness.only(EventName.llmCall.stop))
        #expect(stop.metadata[GenAIAttributes.responseID] == "msg_1")
        #expect(stop.metadata[GenAIAttributes.responseModel] == "claude-sonnet-4-20250514")
        #expect(stop.metadata[GenAIAttributes.responseFinishReasons] == .array(["stop", "length"]))
        #expect(stop.metadata[GenAIAttributes.usageInputTokens] == 1_200)
        #expect(stop.metadata[GenAIAttributes.usageOutputTokens] == 80)
        #expect(stop.metadata[GenAIAttributes.usageCacheReadInputTokens] == 1_000)
        #expect(stop.metadata[GenAIAttributes.usageReasoningOutputTokens] == 20)
        #expect(stop.metadata[GenAIAttributes.usageCacheCreationInputTokens] == nil)
        #expect(stop.measurements[MeasurementKey.inputTokens] == 1_200)
        #expect(stop.measurements[MeasurementKey.outputTokens] == 80)
        #expect(stop.metadata[LoupeAttributes.costUSD] == nil)
    }

    @Test func streamingRecordsTimeToFirstChunkAndTokensPerSecond() async throws {
        let harness = Harness()
        let request = LLMRequest(provider: "openai", model: "gpt-4o-mini", isStreaming: true)

        await harness.telemetry.llmCall(request) { call in
            harness.clock.advance(by: .milliseconds(200))
            call.recordChunk()
            for _ in 0..<9 {
                harness.clock.advance(by: .milliseconds(125))
                call.recordChunk()
            }
            harness.clock.advance(by: .milliseconds(875))  // 2 s after the first chunk
            call.recordUsage(TokenUsage(input: 10, output: 50))
        }

        let stop = try #require(harness.only(EventName.llmCall.stop))
        #expect(stop.metadata[GenAIAttributes.requestStream] == true)
        #expect(stop.metadata[GenAIAttributes.responseTimeToFirstChunk] == 0.2)
        #expect(stop.measurements[MeasurementKey.timeToFirstChunkSeconds] == 0.2)
        #expect(stop.metadata[LoupeAttributes.chunkCount] == 10)
        #expect(stop.metadata[LoupeAttributes.outputTokensPerSecond] == 25.0)
        #expect(stop.measurements[MeasurementKey.outputTokensPerSecond] == 25)
        #expect(stop.measurements[MeasurementKey.durationNanos] == 2_200_000_000)
    }

    @Test func tokensPerSecondFallsBackToCountedChunkTokens() async throws {
        let harness = Harness()

        await harness.telemetry.llmCall(LLMRequest(provider: "ollama", model: "llama3", isStreaming: true)) { call in
            harness.clock.advance(by: .milliseconds(50))
            for _ in 0..<4 {
                call.recordChunk(outputTokens: 5)
                harness.clock.advance(by: .milliseconds(125))
            }
        }

        let stop = try #require(harness.only(EventName.llmCall.stop))
        #expect(stop.metadata[GenAIAttributes.responseTimeToFirstChunk] == 0.05)
        #expect(stop.metadata[LoupeAttributes.outputTokensPerSecond] == 40.0)
    }

    @Test func costComesFromTheCatalog() async throws {
        let harness = Harness(pricing: Self.pricing)

        await harness.telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini")) { call in
            call.recordResponse(model: "gpt-4o-mini-2024-07-18")
            call.recordUsage(TokenUsage(input: 1_000, output: 100))
        }

        let stop = try #require(harness.only(EventName.llmCall.stop))
        let cost = try #require(stop.metadata[LoupeAttributes.costUSD]?.doubleValue)
        #expect(abs(cost - 0.000_21) < 1e-12)
        #expect(stop.measurements[MeasurementKey.costUSD] == cost)
        #expect(stop.finishedSpan?.attributes[LoupeAttributes.costUSD] == .double(cost))
    }

    @Test func unknownModelsAndUnreportedUsageStayUnpriced() async throws {
        let harness = Harness(pricing: Self.pricing)

        await harness.telemetry.llmCall(LLMRequest(provider: "acme", model: "acme-1")) { call in
            call.recordUsage(TokenUsage(input: 1_000, output: 100))
        }
        await harness.telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini")) { _ in }

        for stop in harness.recorder.events(named: EventName.llmCall.stop) {
            #expect(stop.metadata[LoupeAttributes.costUSD] == nil)
            #expect(stop.measurements[MeasurementKey.costUSD] == nil)
        }
    }

    @Test func builtInPricesKnowCommonModels() throws {
        let pricing = try GenAIPricing.builtIn()
        let cost = pricing.cost(
            provider: "openai", model: "gpt-4o-mini", usage: TokenUsage(input: 1_000_000), atUnixNanos: 1_700_000_000_000_000_000)
        #expect((cost ?? 0) > 0)
    }

    @Test func failedCallsRecordTheErrorType() async throws {
        let harness = Harness()

        await #expect(throws: TestFailure.self) {
            try await harness.telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o")) { _ in
                throw TestFailure()
            }
        }

        let exception = try #require(harness.only(EventName.llmCall.exception))
        #expect(exception.metadata[ErrorAttributes.errorType] == "LoupeTests.TestFailure")
        #expect(exception.metadata[GenAIAttributes.requestModel] == "gpt-4o")
        #expect(exception.finishedSpan?.status == .error)
    }

    @Test func contentIsNotCapturedByDefault() async throws {
        let harness = Harness()
        let evaluated = Atomic<Bool>(false)
        func prompt() -> [GenAIMessage] {
            evaluated.store(true, ordering: .relaxed)
            return [.user("secret plans")]
        }

        await harness.telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o")) { call in
            call.recordInput(prompt())
            call.recordOutput([.assistant("sure")])
            call.recordSystemInstructions("be nice")
        }

        let stop = try #require(harness.only(EventName.llmCall.stop))
        let wasEvaluated = evaluated.load(ordering: .relaxed)
        #expect(!wasEvaluated)
        #expect(stop.metadata[GenAIAttributes.inputMessages] == nil)
        #expect(stop.metadata[GenAIAttributes.outputMessages] == nil)
        #expect(stop.metadata[GenAIAttributes.systemInstructions] == nil)
    }

    @Test func capturedContentIsRedactedAndFollowsTheMessageSchema() async throws {
        let harness = Harness(contentCapture: .redacted())

        await harness.telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o")) { call in
            call.recordSystemInstructions("You answer support mail.")
            call.recordInput([.user("Reply to jane.doe@example.com please")])
            call.recordOutput([.assistant("Done \"quoted\"", finishReason: "stop")])
        }

        let stop = try #require(harness.only(EventName.llmCall.stop))
        #expect(
            stop.metadata[GenAIAttributes.inputMessages]
                == #"[{"role":"user","parts":[{"type":"text","content":"Reply to [EMAIL] please"}]}]"#)
        #expect(
            stop.metadata[GenAIAttributes.outputMessages]
                == #"[{"role":"assistant","parts":[{"type":"text","content":"Done \"quoted\""}],"finish_reason":"stop"}]"#
        )
        #expect(
            stop.metadata[GenAIAttributes.systemInstructions]
                == #"[{"type":"text","content":"You answer support mail."}]"#)
    }
}
