import Loupe
import LoupeTesting

/// A telemetry instance with a recorder on every event, a manual clock and seeded ids.
struct Harness {
    let recorder = TelemetryRecorder()
    let clock = ManualTelemetryClock()
    let telemetry: Telemetry

    init(sampler: Sampler = .alwaysOn, pricing: GenAIPricing? = nil, contentCapture: ContentCapture = .off) {
        telemetry = Telemetry.recorded(
            into: recorder,
            configuration: .init(
                sampler: sampler, clock: clock, idGenerator: SeededIDGenerator(), pricing: pricing,
                contentCapture: contentCapture))
    }

    /// The single event named `name`, or nil when there is not exactly one.
    func only(_ name: EventName) -> TelemetryEvent? {
        let events = recorder.events(named: name)
        return events.count == 1 ? events[0] : nil
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String { "boom" }
}
