import Loupe
import LoupeTesting
import Testing

struct StageTests {
    @Test func stageRecordsItsOperationKind() throws {
        let harness = Harness()

        let prompt = harness.telemetry.stage("build prompt", attributes: ["template": "v3"]) { _ in "prompt" }

        #expect(prompt == "prompt")
        let stop = try #require(harness.only(EventName.stage.stop))
        #expect(
            stop.metadata == [
                LoupeAttributes.operationKind: "stage", LoupeAttributes.stageName: "build prompt", "template": "v3",
            ])
        #expect(stop.finishedSpan?.name == "build prompt")
    }

    @Test func chainStageIsAnOpenTelemetryWorkflow() async throws {
        let harness = Harness()

        await harness.telemetry.stage("rag.answer", kind: .chain) { _ in await Task.yield() }

        let stop = try #require(harness.only(EventName.stage.stop))
        #expect(stop.metadata[GenAIAttributes.operationName] == "invoke_workflow")
        #expect(stop.metadata[GenAIAttributes.workflowName] == "rag.answer")
        #expect(stop.metadata[LoupeAttributes.operationKind] == "chain")
    }
}
