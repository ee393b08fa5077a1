import Loupe
import LoupeTesting
import Testing

struct UsageCountersTests {
    @Test func ranksModelsToolsAndOperations() async throws {
        let harness = Harness()
        let usage = UsageCounters()
        try usage.attach(to: harness.telemetry)

        for model in ["gpt-4o-mini", "gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "gpt-4o-mini", "gpt-4o"] {
            await harness.telemetry.llmCall(LLMRequest(provider: "openai", model: model)) { call in
                call.recordUsage(TokenUsage(input: 100, output: 10))
            }
        }
        _ = try? await harness.telemetry.toolCall("search") { _ in throw TestFailure() }
        await harness.telemetry.toolCall("search") { _ in }
        await harness.telemetry.toolCall("calculator") { _ in }

        let models = usage.top(.model, limit: 2)
        #expect(models.map(\.name) == ["gpt-4o-mini", "gpt-4o"])
        #expect(models.map(\.calls) == [3, 2])
        #expect(models[0].inputTokens == 300)
        #expect(models[0].outputTokens == 30)
        #expect(usage.top(.tool).map(\.name) == ["search", "calculator"])
        #expect(usage.usage(of: "search", in: .tool)?.failures == 1)
        let chat = UsageCount(name: "chat gpt-4o-mini", calls: 3, inputTokens: 300, outputTokens: 30)
        #expect(usage.top(.operation, limit: 1).first == chat)
        #expect(usage.top(.provider).map(\.calls) == [6])
        #expect(usage.usage(of: "gpt-5", in: .model) == nil)
    }

    @Test func tiesAreOrderedByName() {
        let usage = UsageCounters()
        for model in ["b", "a", "c", "a", "b"] {
            usage.record(
                SpanOutcome(span: EventName.llmCall, operation: "chat \(model)", model: model, durationNanos: 1))
        }
        #expect(usage.top(.model).map(\.name) == ["a", "b", "c"])
    }

    @Test func boundsTheNamesItKeeps() {
        let usage = UsageCounters(maxNamesPerDimension: 2)
        for index in 0..<5 {
            usage.record(SpanOutcome(span: "work", operation: "op-\(index)", durationNanos: 1))
        }
        #expect(usage.top(.operation).map(\.name) == [UsageCounters.overflowName, "op-0", "op-1"])
        #expect(usage.top(.operation).map(\.calls) == [3, 1, 1])

        usage.reset()
        #expect(usage.top(.operation).isEmpty)
    }
}
