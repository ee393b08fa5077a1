import Loupe
import LoupeTesting
import Synchronization
import Testing

struct TelemetryEmitTests {
    @Test func withoutHandlersMeasurementsAndMetadataAreNotEvaluated() {
        let telemetry = Telemetry()
        let evaluated = Atomic<Int>(0)
        func measurements() -> [String: Double] {
            evaluated.add(1, ordering: .relaxed)
            return ["n": 1]
        }

        telemetry.emit("nobody.listens", measurements: measurements(), metadata: ["k": .string("\(measurements())")])

        let evaluations = evaluated.load(ordering: .relaxed)
        #expect(evaluations == 0)
    }

    @Test func eventsCarryMeasurementsAndMetadata() throws {
        let (telemetry, recorder) = (Telemetry(), TelemetryRecorder())
        try recorder.attach(to: telemetry)

        telemetry.emit("shop.cache.miss", measurements: ["bytes": 512], metadata: ["cache": "embeddings", "hit": false])

        let event = try #require(recorder.events.first)
        #expect(event.measurements == ["bytes": 512])
        #expect(event.metadata == ["cache": "embeddings", "hit": false])
        #expect(event.spanContext == nil)
    }

    @Test func eventsCarryTheActiveSpanContext() throws {
        let harness = Harness()

        let context = harness.telemetry.withSpan("outer") { span in
            harness.telemetry.emit("inside")
            return span.context
        }

        #expect(harness.only("inside")?.spanContext == context)
    }

    @Test func throwingHandlerIsDetachedAndReported() throws {
        let (telemetry, recorder) = (Telemetry(), TelemetryRecorder())
        try telemetry.attach("broken", to: [.prefix("app")]) { _ in throw TestFailure() }
        try recorder.attach(to: telemetry, patterns: [.exact(.handlerFailure), .prefix("app")])

        telemetry.emit("app.one")  // the caller sees nothing
        telemetry.emit("app.two")

        #expect(telemetry.handlerIDs == ["loupe.testing.recorder"])
        #expect(recorder.eventNames == ["app.one", "loupe.handler.failure", "app.two"])
        let failure = try #require(recorder.events(named: .handlerFailure).first)
        #expect(failure.metadata[LoupeAttributes.handlerID] == "broken")
        #expect(failure.metadata[LoupeAttributes.eventName] == "app.one")
        #expect(failure.metadata[ErrorAttributes.errorType] == "LoupeTests.TestFailure")
        #expect(failure.metadata[ErrorAttributes.exceptionMessage] == "boom")
    }

    @Test func handlerFailingOnFailureEventsDoesNotLoop() throws {
        let telemetry = Telemetry()
        let calls = Atomic<Int>(0)
        try telemetry.attach("always-broken", to: [.all]) { _ in
            calls.add(1, ordering: .relaxed)
            throw TestFailure()
        }

        telemetry.emit("app.event")

        let callCount = calls.load(ordering: .relaxed)
        #expect(callCount == 1)
        #expect(telemetry.handlerIDs.isEmpty)
    }

    @Test func handlersMayEmitAndDetachWhileHandling() throws {
        let (telemetry, recorder) = (Telemetry(), TelemetryRecorder())
        try recorder.attach(to: telemetry, patterns: [.exact("echo")])
        try telemetry.attach("once", to: [.exact("call")]) { _ in
            telemetry.emit("echo")
            telemetry.detach("once")
        }

        telemetry.emit("call")
        telemetry.emit("call")

        #expect(recorder.eventNames == ["echo"])
    }

    @Test func staticEmitGoesToTheScopedTelemetry() throws {
        let (telemetry, recorder) = (Telemetry(), TelemetryRecorder())
        try recorder.attach(to: telemetry)

        withTelemetry(telemetry) {
            Telemetry.emit("ambient", measurements: ["n": 2])
        }

        #expect(recorder.events(named: "ambient").first?.measurements == ["n": 2])
    }
}
