/// Where spans read the time.
///
/// Durations come from the monotonic reading, so a wall-clock step (NTP) never makes a span
/// negative; a span's end timestamp is its start timestamp plus its monotonic duration.
/// Inject a manual clock in tests (`LoupeTesting`'s `ManualTelemetryClock`) instead of sleeping.
public protocol TelemetryClock: Sendable {
    func now() -> TelemetryInstant
}
