import Loupe
import LoupeTesting
import Testing

struct AgentStepTests {
    @Test func recordsAgentConventionsAndParentsItsCalls() async throws {
        let harness = Harness()
        let t = harness.telemetry

        await t.agentStep(agent: "planner", agentID: "agent-7", step: 2, conversationID: "conv-9") { _ in
            await t.llmCall(LLMRequest(provider: "openai", model: "gpt-4o")) { _ in }
            await t.toolCall("search") { _ in }
        }

        let stop = try #require(harness.only(EventName.agentStep.stop))
        #expect(stop.metadata[GenAIAttributes.operationName] == "invoke_agent")
        #expect(stop.metadata[GenAIAttributes.agentName] == "planner")
        #expect(stop.metadata[GenAIAttributes.agentID] == "agent-7")
        #expect(stop.metadata[LoupeAttributes.agentStep] == 2)
        #expect(stop.metadata[GenAIAttributes.conversationID] == "conv-9")
        #expect(stop.metadata[LoupeAttributes.operationKind] == "agent")
        let agent = try #require(stop.finishedSpan)
        #expect(agent.name == "invoke_agent planner")
        let children = harness.recorder.finishedSpans.filter { $0.parentSpanID == agent.context.spanID }
        #expect(Set(children.map(\.name)) == ["chat gpt-4o", "execute_tool search"])
    }
}
