import Loupe
import LoupeTesting
import Testing

struct TelemetrySystemTests {
    @Test func withTelemetryScopesCurrentToTheTaskAndItsChildren() async throws {
        let recorder = TelemetryRecorder()
        let telemetry = Telemetry.recorded(into: recorder)

        await withTelemetry(telemetry) {
            await Telemetry.current.withSpan("scoped") { _ in
                async let child: Void = Telemetry.current.withSpan("child") { _ in }
                await child
            }
        }
        Telemetry.current.emit("outside")

        #expect(recorder.eventNames == ["scoped.start", "child.start", "child.stop", "scoped.stop"])
    }

    @Test func bootstrappingTwiceStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            TelemetrySystem.bootstrap(Telemetry())
            TelemetrySystem.bootstrap(Telemetry())
        }
    }
}
