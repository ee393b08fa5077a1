import Loupe

extension Telemetry {
    /// A fresh instance with `recorder` attached to every event: the usual start of a test.
    ///
    /// Pass a configuration with a ``ManualTelemetryClock`` and a ``SeededIDGenerator`` to make
    /// durations and ids exact.
    public static func recorded(into recorder: TelemetryRecorder, configuration: Configuration = .default) -> Telemetry {
        let telemetry = Telemetry(configuration: configuration)
        // A fresh instance has no handlers, so the recorder's id cannot be taken.
        try? recorder.attach(to: telemetry)
        return telemetry
    }
}
