import Loupe
import LoupeTesting
import Testing

struct FinishedSpanTests {
    @Test func convertsToRawSpanForOTLPExport() throws {
        let harness = Harness()
        try? harness.telemetry.withSpan("job", name: "nightly job", kind: .consumer, attributes: ["queue": "q1"]) {
            span in
            harness.telemetry.withSpan("step") { step in
                harness.clock.advance(by: .milliseconds(3))
                step.setStatus(.ok)
            }
            throw TestFailure()
        }
        let spans = harness.recorder.finishedSpans
        let parent = try #require(spans.first { $0.name == "nightly job" })
        let child = try #require(spans.first { $0.name == "step" })

        let raw = parent.toRawSpan(resource: ["service.name": "worker"])
        #expect(raw.traceId == parent.context.traceID.hexString)
        #expect(raw.traceId.count == 32)
        #expect(raw.spanId.count == 16)
        #expect(raw.parentSpanId == nil)
        #expect(raw.name == "nightly job")
        #expect(raw.kind == .consumer)
        #expect(raw.startNanos == 1_700_000_000_000_000_000)
        #expect(raw.endNanos == 1_700_000_000_003_000_000)
        #expect(raw.statusCode == .error)
        #expect(raw.statusMessage == "boom")
        #expect(raw.attributes["queue"] == "q1")
        #expect(raw.attributes[ErrorAttributes.errorType] == "LoupeTests.TestFailure")
        #expect(raw.resourceAttributes == ["service.name": "worker"])
        #expect(raw.scopeName == "Loupe")
        #expect(raw.events.map(\.name) == ["exception"])

        let rawChild = child.toRawSpan()
        #expect(rawChild.parentSpanId == raw.spanId)
        #expect(rawChild.traceId == raw.traceId)
        #expect(rawChild.statusCode == .ok)
        #expect(rawChild.endNanos - rawChild.startNanos == 3_000_000)
    }
}
