import Loupe
import LoupeTesting
import Testing

struct PerformanceMonitorTests {
    private func outcome(_ operation: String, ms: Double, failed: Bool = false) -> SpanOutcome {
        SpanOutcome(
            span: EventName.llmCall, operation: operation, durationNanos: UInt64(ms * 1e6), isFailure: failed)
    }

    @Test func summarisesAWindowPerOperation() async throws {
        let harness = Harness()
        let monitor = PerformanceMonitor(reportingTo: harness.telemetry, window: .seconds(60))
        try monitor.attach()

        for ms in 1...100 {
            _ = try? await harness.telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini")) { _ in
                harness.clock.advance(by: .milliseconds(ms))
                if ms % 20 == 0 { throw TestFailure() }
            }
        }
        await harness.telemetry.toolCall("search") { _ in harness.clock.advance(by: .milliseconds(7)) }
        #expect(monitor.flush(now: harness.clock.now()).isEmpty, "the window has not ended yet")

        harness.clock.advance(by: .seconds(60))
        let summaries = monitor.flush(now: harness.clock.now())

        #expect(summaries.map(\.operation) == ["chat gpt-4o-mini", "execute_tool search"])
        let chat = summaries[0]
        #expect(chat.count == 100)
        #expect(chat.errorCount == 5)
        #expect(chat.errorRate == 0.05)
        #expect(chat.meanMs == 50.5)
        #expect(chat.maxMs == 100)
        #expect(abs(chat.p50Ms - 50) <= 0.5)
        #expect(abs(chat.p95Ms - 95) <= 0.95)
        #expect(abs(chat.p99Ms - 99) <= 0.99)
        #expect(chat.window.seconds == 60)
        #expect(chat.window.isPartial == false)

        let events = harness.recorder.events(named: .performanceWindow)
        #expect(events.count == 2)
        let event = try #require(events.first { $0.metadata[LoupeAttributes.analysisOperation] == "chat gpt-4o-mini" })
        #expect(event.measurements[MeasurementKey.count] == 100)
        #expect(event.measurements[MeasurementKey.errorRate] == 0.05)
        #expect(event.measurements[MeasurementKey.p95Ms] == chat.p95Ms)
        #expect(event.measurements[MeasurementKey.windowSeconds] == 60)
        #expect(event.metadata[LoupeAttributes.windowStart] == .int(chat.window.startUnixNanos))
        #expect(event.spanContext == nil)
    }

    @Test func aCallAfterTheWindowClosesItFirst() throws {
        let harness = Harness()
        let monitor = PerformanceMonitor(reportingTo: harness.telemetry, window: .seconds(10))
        let start = harness.clock.now()

        monitor.record(outcome("embed", ms: 20), at: harness.clock.now())
        harness.clock.advance(by: .seconds(35))
        monitor.record(outcome("embed", ms: 40), at: harness.clock.now())

        let first = try #require(harness.only(.performanceWindow))
        #expect(first.measurements[MeasurementKey.count] == 1)
        #expect(first.measurements[MeasurementKey.maxMs] == 20)
        #expect(first.metadata[LoupeAttributes.windowStart] == .int(start.unixNanos))
        #expect(first.metadata[LoupeAttributes.windowEnd] == .int(start.unixNanos + 10_000_000_000))

        // The second call fell in the window starting at 30s; the empty ones between emitted nothing.
        let partial = monitor.flush(now: harness.clock.now(), includingPartial: true)
        #expect(partial.count == 1)
        #expect(partial[0].maxMs == 40)
        #expect(partial[0].window.startUnixNanos == start.unixNanos + 30_000_000_000)
        #expect(partial[0].window.endUnixNanos == start.unixNanos + 35_000_000_000)
        #expect(partial[0].window.isPartial)
        #expect(harness.recorder.events(named: .performanceWindow).count == 2)
    }

    @Test func currentFiguresDoNotCloseTheWindow() {
        let harness = Harness()
        let monitor = PerformanceMonitor(reportingTo: harness.telemetry)
        monitor.record(outcome("rerank", ms: 12), at: harness.clock.now())

        #expect(monitor.current(now: harness.clock.now()).map(\.count) == [1])
        #expect(monitor.current(now: harness.clock.now()).map(\.count) == [1])
        #expect(harness.recorder.events(named: .performanceWindow).isEmpty)
    }

    @Test func foldsOperationsBeyondTheLimitIntoOther() {
        let harness = Harness()
        let monitor = PerformanceMonitor(reportingTo: harness.telemetry, maxOperations: 2)
        for name in ["a", "b", "c", "d", "a"] {
            monitor.record(outcome(name, ms: 1), at: harness.clock.now())
        }

        let summaries = monitor.flush(now: harness.clock.now(), includingPartial: true)
        #expect(summaries.map(\.operation) == [PerformanceMonitor.overflowOperation, "a", "b"])
        #expect(summaries.map(\.count) == [2, 2, 1])
    }

    @Test func groupingCanBeChosen() {
        let harness = Harness()
        let monitor = PerformanceMonitor(reportingTo: harness.telemetry) { $0.kind == .llm ? $0.model : nil }
        monitor.record(
            SpanOutcome(span: EventName.llmCall, operation: "chat m", kind: .llm, model: "m", durationNanos: 1),
            at: harness.clock.now())
        monitor.record(outcome("ignored", ms: 1), at: harness.clock.now())

        #expect(monitor.flush(now: harness.clock.now(), includingPartial: true).map(\.operation) == ["m"])
    }
}
