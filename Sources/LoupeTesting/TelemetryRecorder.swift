import Loupe
import Synchronization

/// A handler that keeps every event it receives, so tests can assert on telemetry.
///
/// ```swift
/// let recorder = TelemetryRecorder()
/// let telemetry = Telemetry.recorded(into: recorder)
/// try await withTelemetry(telemetry) { try await pipeline.answer("hi") }
///
/// let stop = try #require(recorder.events(named: EventName.llmCall.stop).first)
/// #expect(stop.metadata[GenAIAttributes.requestModel] == "gpt-4o-mini")
/// #expect(recorder.finishedSpans.count == 3)
/// ```
///
/// Thread-safe: events may arrive from any task.
public final class TelemetryRecorder: TelemetryHandler, Sendable {
    private let recorded = Mutex<[TelemetryEvent]>([])

    public init() {}

    public func handle(_ event: TelemetryEvent) {
        recorded.withLock { $0.append(event) }
    }

    /// Attaches this recorder to `telemetry` under `id`, to every event by default.
    public func attach(
        to telemetry: Telemetry, id: HandlerID = "loupe.testing.recorder", patterns: [EventPattern] = [.all]
    ) throws(TelemetryAttachError) {
        try telemetry.attach(id, to: patterns, handler: self)
    }

    /// Every event received, in arrival order.
    public var events: [TelemetryEvent] {
        recorded.withLock { $0 }
    }

    /// The names of the events received, in arrival order.
    public var eventNames: [EventName] {
        recorded.withLock { $0.map(\.name) }
    }

    /// The events named exactly `name`.
    public func events(named name: EventName) -> [TelemetryEvent] {
        recorded.withLock { $0.filter { $0.name == name } }
    }

    /// The events `pattern` selects (`.prefix(.llmCall)`).
    public func events(matching pattern: EventPattern) -> [TelemetryEvent] {
        recorded.withLock { $0.filter { pattern.matches($0.name) } }
    }

    /// The spans delivered on `stop` and `exception` events, in the order they ended.
    public var finishedSpans: [FinishedSpan] {
        recorded.withLock { $0.compactMap(\.finishedSpan) }
    }

    /// The finished spans whose display name is `name`.
    public func finishedSpans(named name: String) -> [FinishedSpan] {
        finishedSpans.filter { $0.name == name }
    }

    /// Forgets everything received so far.
    public func removeAll() {
        recorded.withLock { $0.removeAll() }
    }
}
