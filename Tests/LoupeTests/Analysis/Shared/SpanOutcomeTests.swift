import Loupe
import LoupeTesting
import Testing

struct SpanOutcomeTests {
    @Test func readsAnLLMCallStop() async throws {
        let harness = Harness()
        await harness.telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini")) { call in
            call.recordUsage(TokenUsage(input: 120, output: 30))
            harness.clock.advance(by: .milliseconds(250))
        }

        let stop = try #require(harness.only(EventName.llmCall.stop))
        let outcome = try #require(SpanOutcome(event: stop))
        #expect(outcome.span == EventName.llmCall)
        #expect(outcome.operation == "chat gpt-4o-mini")
        #expect(outcome.kind == .llm)
        #expect(outcome.model == "gpt-4o-mini")
        #expect(outcome.provider == "openai")
        #expect(outcome.durationMs == 250)
        #expect(outcome.isFailure == false)
        #expect(outcome.inputTokens == 120)
        #expect(outcome.outputTokens == 30)
        #expect(outcome.spanContext != nil)
    }

    @Test func readsAFailureAndNamesOperationsLikeTheirSpans() async throws {
        let harness = Harness()
        _ = try? await harness.telemetry.toolCall("get_weather") { _ in throw TestFailure() }
        harness.telemetry.stage("rerank-and-trim") { _ in }
        harness.telemetry.withSpan("shop.checkout") { _ in }

        let toolEvent = try #require(harness.only(EventName.toolCall.exception))
        let tool = try #require(SpanOutcome(event: toolEvent))
        #expect(tool.operation == "execute_tool get_weather")
        #expect(tool.toolName == "get_weather")
        #expect(tool.isFailure)
        #expect(tool.errorType?.hasSuffix("TestFailure") == true)
        #expect(tool.errorMessage == "boom")
        let stageEvent = try #require(harness.only(EventName.stage.stop))
        let stage = try #require(SpanOutcome(event: stageEvent))
        #expect(stage.operation == "rerank-and-trim")
        let plainEvent = try #require(harness.only("shop.checkout.stop"))
        let plain = try #require(SpanOutcome(event: plainEvent))
        #expect(plain.operation == "shop.checkout")
    }

    @Test func ignoresEventsThatAreNotSpanEnds() {
        #expect(SpanOutcome(event: TelemetryEvent(name: "loupe.llm.call.start")) == nil)
        // Ends in `.stop` but carries no duration: a plain emit, not a span.
        #expect(SpanOutcome(event: TelemetryEvent(name: "bus.stop")) == nil)
        let start = TelemetryEvent(name: "x.start", measurements: [MeasurementKey.durationNanos: 1])
        #expect(SpanOutcome(event: start) == nil)
    }
}
