import Loupe
import LoupeTesting
import Testing

struct TelemetryRecorderTests {
    @Test func filtersEventsByNameAndPattern() throws {
        let recorder = TelemetryRecorder()
        let telemetry = Telemetry.recorded(into: recorder)

        telemetry.emit("app.a")
        telemetry.emit("app.b.c")
        telemetry.emit("other")

        #expect(recorder.events.count == 3)
        #expect(recorder.events(named: "app.a").count == 1)
        #expect(recorder.events(matching: .prefix("app")).map(\.name) == ["app.a", "app.b.c"])
    }

    @Test func collectsFinishedSpansInTheOrderTheyEnd() {
        let recorder = TelemetryRecorder()
        let telemetry = Telemetry.recorded(into: recorder)

        telemetry.withSpan("outer") { _ in telemetry.withSpan("inner") { _ in } }

        #expect(recorder.finishedSpans.map(\.name) == ["inner", "outer"])
        #expect(recorder.finishedSpans(named: "outer").count == 1)
    }

    @Test func removeAllForgetsEverything() {
        let recorder = TelemetryRecorder()
        let telemetry = Telemetry.recorded(into: recorder)
        telemetry.emit("x")

        recorder.removeAll()

        #expect(recorder.events.isEmpty)
    }

    @Test func recorderCanBeSentAcrossTasks() async {
        let recorder = TelemetryRecorder()
        let telemetry = Telemetry.recorded(into: recorder)

        await withTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask { telemetry.emit("n", measurements: ["i": Double(index)]) }
            }
        }

        #expect(recorder.events(named: "n").count == 50)
    }
}
