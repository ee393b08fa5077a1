import Loupe
import LoupeTesting
import Testing

struct ToolCallTests {
    @Test func recordsToolConventions() async throws {
        let harness = Harness()

        let weather = await harness.telemetry.toolCall(
            "get_weather", callID: "call_1", type: "function", description: "Current weather"
        ) { call in
            call.recordArguments(#"{"city":"Paris"}"#)
            call.recordResult("sunny")
            return "sunny"
        }

        #expect(weather == "sunny")
        let stop = try #require(harness.only(EventName.toolCall.stop))
        #expect(stop.metadata[GenAIAttributes.operationName] == "execute_tool")
        #expect(stop.metadata[GenAIAttributes.toolName] == "get_weather")
        #expect(stop.metadata[GenAIAttributes.toolCallID] == "call_1")
        #expect(stop.metadata[GenAIAttributes.toolType] == "function")
        #expect(stop.metadata[GenAIAttributes.toolDescription] == "Current weather")
        #expect(stop.metadata[GenAIAttributes.toolCallArguments] == nil)
        #expect(stop.metadata[LoupeAttributes.operationKind] == "tool")
        #expect(stop.finishedSpan?.name == "execute_tool get_weather")
        #expect(stop.finishedSpan?.kind == .internal)
    }

    @Test func argumentsAndResultAreCapturedRedactedAndTruncated() async throws {
        let harness = Harness(contentCapture: .redacted(maxCharacters: 20))

        await harness.telemetry.toolCall("send_mail") { call in
            call.recordArguments(#"{"to":"ann@example.com"}"#)
            call.recordResult(String(repeating: "x", count: 50))
        }

        let stop = try #require(harness.only(EventName.toolCall.stop))
        #expect(stop.metadata[GenAIAttributes.toolCallArguments] == #"{"to":"[EMAIL]"}"#)
        #expect(stop.metadata[GenAIAttributes.toolCallResult] == .string(String(repeating: "x", count: 20) + "…"))
    }
}
