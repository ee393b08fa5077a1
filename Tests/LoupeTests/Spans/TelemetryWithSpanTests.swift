import Loupe
import LoupeTesting
import Synchronization
import Testing

struct TelemetryWithSpanTests {
    @Test func syncSpanEmitsStartThenStopWithMonotonicDuration() throws {
        let harness = Harness()

        let result = harness.telemetry.withSpan("shop.render", attributes: ["page": "cart"]) { span in
            harness.clock.advance(by: .milliseconds(250))
            span.setAttribute("items", .int(3))
            span.setMeasurement("bytes", 2_048)
            return 42
        }

        #expect(result == 42)
        #expect(harness.recorder.eventNames == ["shop.render.start", "shop.render.stop"])
        let start = try #require(harness.only("shop.render.start"))
        #expect(start.metadata == ["page": "cart"])
        #expect(start.measurements[MeasurementKey.systemTimeNanos] == 1.7e18)
        let stop = try #require(harness.only("shop.render.stop"))
        #expect(stop.measurements[MeasurementKey.durationNanos] == 250_000_000)
        #expect(stop.measurements["bytes"] == 2_048)
        #expect(stop.metadata == ["page": "cart", "items": 3])
        #expect(stop.spanContext == start.spanContext)
    }

    @Test func wallClockStepsDoNotChangeDurations() throws {
        let harness = Harness()

        harness.telemetry.withSpan("work") { _ in
            harness.clock.advance(by: .seconds(1))
            harness.clock.stepWallClock(byNanos: -3_600_000_000_000)
        }

        let span = try #require(harness.recorder.finishedSpans.first)
        #expect(span.durationNanos == 1_000_000_000)
        #expect(span.endUnixNanos - span.startUnixNanos == 1_000_000_000)
    }

    @Test func asyncSpansNestThroughTaskLocals() async throws {
        let harness = Harness()
        let t = harness.telemetry

        try await t.withSpan("outer") { outer in
            try await t.withSpan("middle") { _ in
                await Task.yield()
                try await t.withSpan("inner") { _ in
                    await Task.yield()
                    #expect(SpanContext.current != outer.context)
                    try Task.checkCancellation()
                }
            }
            #expect(SpanContext.current == outer.context)
        }

        let spans = Dictionary(uniqueKeysWithValues: harness.recorder.finishedSpans.map { ($0.name, $0) })
        let outer = try #require(spans["outer"])
        let middle = try #require(spans["middle"])
        let inner = try #require(spans["inner"])
        #expect(outer.parentSpanID == nil)
        #expect(middle.parentSpanID == outer.context.spanID)
        #expect(inner.parentSpanID == middle.context.spanID)
        #expect(Set([outer, middle, inner].map(\.context.traceID)).count == 1)
        #expect(SpanContext.current == nil)
    }

    @Test func childTasksInheritTheParentSpan() async throws {
        let harness = Harness()
        let t = harness.telemetry

        await t.withSpan("fan-out") { _ in
            async let a: Void = t.withSpan("a") { _ in }
            async let b: Void = t.withSpan("b") { _ in }
            _ = await (a, b)
        }

        let parent = try #require(harness.recorder.finishedSpans(named: "fan-out").first)
        for name in ["a", "b"] {
            #expect(harness.recorder.finishedSpans(named: name).first?.parentSpanID == parent.context.spanID)
        }
    }

    @Test func throwingBodyEmitsExceptionAndRethrows() throws {
        let harness = Harness()

        #expect(throws: TestFailure.self) {
            try harness.telemetry.withSpan("risky") { _ in
                harness.clock.advance(by: .milliseconds(5))
                throw TestFailure()
            }
        }

        #expect(harness.recorder.eventNames == ["risky.start", "risky.exception"])
        let exception = try #require(harness.only("risky.exception"))
        #expect(exception.measurements[MeasurementKey.durationNanos] == 5_000_000)
        #expect(exception.metadata[ErrorAttributes.errorType] == "LoupeTests.TestFailure")
        #expect(exception.metadata[ErrorAttributes.exceptionMessage] == "boom")
        let span = try #require(exception.finishedSpan)
        #expect(span.status == .error)
        #expect(span.statusMessage == "boom")
        #expect(span.events.map(\.name) == ["exception"])
        #expect(span.events.first?.attributes[ErrorAttributes.exceptionType] == "LoupeTests.TestFailure")
    }

    @Test func errorTypeSetByTheBodyIsKept() async throws {
        let harness = Harness()

        await #expect(throws: TestFailure.self) {
            try await harness.telemetry.withSpan("call") { span in
                span.setAttribute(ErrorAttributes.errorType, "429")
                await Task.yield()
                throw TestFailure()
            }
        }

        #expect(harness.only("call.exception")?.metadata[ErrorAttributes.errorType] == "429")
    }

    @Test func manualSpansEndOnce() throws {
        let harness = Harness()

        let span = harness.telemetry.startSpan("stream", name: "stream response", kind: .server)
        #expect(SpanContext.current == nil)
        harness.clock.advance(by: .milliseconds(10))
        span.addEvent("first byte")
        span.end()
        span.end(throwing: TestFailure())

        #expect(harness.recorder.eventNames == ["stream.start", "stream.stop"])
        let finished = try #require(harness.recorder.finishedSpans.first)
        #expect(finished.name == "stream response")
        #expect(finished.kind == .server)
        #expect(finished.events.first?.timeNanos == finished.startUnixNanos + 10_000_000)
    }

    @Test func spansDoNotRecordWhenNobodyListens() {
        let telemetry = Telemetry()
        let evaluated = Atomic<Bool>(false)
        func expensive() -> AttributeValue {
            evaluated.store(true, ordering: .relaxed)
            return "x"
        }

        let ran = telemetry.withSpan("quiet", attributes: ["k": expensive()]) { span in
            span.setAttribute("k", expensive())
            #expect(!span.isRecording)
            #expect(span.context == nil)
            #expect(SpanContext.current == nil)
            return true
        }

        let wasEvaluated = evaluated.load(ordering: .relaxed)
        #expect(ran)
        #expect(!wasEvaluated)
    }

    @Test func sampledOutSpansStillEmitEventsButNoFinishedSpan() throws {
        let harness = Harness(sampler: .alwaysOff)

        harness.telemetry.withSpan("unsampled") { span in
            #expect(span.context?.isSampled == false)
        }

        let stop = try #require(harness.only("unsampled.stop"))
        #expect(stop.finishedSpan == nil)
        #expect(stop.measurements[MeasurementKey.durationNanos] != nil)
    }
}
