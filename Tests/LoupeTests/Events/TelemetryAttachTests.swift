import Loupe
import LoupeTesting
import Testing

struct TelemetryAttachTests {
    @Test func exactPatternReceivesOnlyThatEvent() throws {
        let telemetry = Telemetry()
        let recorder = TelemetryRecorder()
        try recorder.attach(to: telemetry, patterns: [.exact("shop.checkout.done")])

        telemetry.emit("shop.checkout.done")
        telemetry.emit("shop.checkout.done.late")
        telemetry.emit("shop.checkout")

        #expect(recorder.eventNames == ["shop.checkout.done"])
    }

    @Test func prefixPatternReceivesEverythingBelowIt() throws {
        let telemetry = Telemetry()
        let recorder = TelemetryRecorder()
        try recorder.attach(to: telemetry, patterns: [.prefix("loupe.llm")])

        telemetry.emit("loupe.llm")
        telemetry.emit("loupe.llm.call.stop")
        telemetry.emit("loupe.llmx")
        telemetry.emit("loupe.embedding.stop")

        #expect(recorder.eventNames == ["loupe.llm", "loupe.llm.call.stop"])
    }

    @Test func allPatternReceivesApplicationEvents() throws {
        let (telemetry, recorder) = (Telemetry(), TelemetryRecorder())
        try recorder.attach(to: telemetry)

        telemetry.emit("app.cache.miss")

        #expect(recorder.eventNames == ["app.cache.miss"])
    }

    @Test func severalPatternsDeliverAnEventOnce() throws {
        let (telemetry, recorder) = (Telemetry(), TelemetryRecorder())
        try recorder.attach(to: telemetry, patterns: [.prefix("a"), .exact("a.b")])

        telemetry.emit("a.b")

        #expect(recorder.events.count == 1)
    }

    @Test func duplicateIDIsRefused() throws {
        let telemetry = Telemetry()
        try telemetry.attach("h", to: [.all]) { _ in }

        #expect(throws: TelemetryAttachError.duplicateID("h")) {
            try telemetry.attach("h", to: [.all]) { _ in }
        }
    }

    @Test func handlerWithoutPatternsIsRefused() {
        #expect(throws: TelemetryAttachError.noPatterns("h")) {
            try Telemetry().attach("h", to: []) { _ in }
        }
    }

    @Test func detachStopsDelivery() throws {
        let (telemetry, recorder) = (Telemetry(), TelemetryRecorder())
        try recorder.attach(to: telemetry, id: "rec")
        telemetry.emit("a")

        #expect(telemetry.detach("rec"))
        telemetry.emit("a")

        #expect(recorder.events.count == 1)
        #expect(!telemetry.detach("rec"))
        #expect(telemetry.handlerIDs.isEmpty)
    }

    @Test func attachingAfterAnEmitReachesTheCachedName() throws {
        let telemetry = Telemetry()
        try telemetry.attach("other", to: [.exact("unrelated")]) { _ in }
        telemetry.emit("a.b")  // resolves and caches "a.b" with no handler

        let recorder = TelemetryRecorder()
        try recorder.attach(to: telemetry, patterns: [.prefix("a")])
        telemetry.emit("a.b")

        #expect(recorder.eventNames == ["a.b"])
    }

    @Test func handlersRunInAttachOrder() throws {
        let telemetry = Telemetry()
        let recorder = TelemetryRecorder()
        try telemetry.attach("first", to: [.all]) { _ in recorder.handle(TelemetryEvent(name: "first")) }
        try telemetry.attach("second", to: [.all]) { _ in recorder.handle(TelemetryEvent(name: "second")) }

        telemetry.emit("x")

        #expect(recorder.eventNames == ["first", "second"])
        #expect(telemetry.handlerIDs(receiving: "x") == ["first", "second"])
    }
}
