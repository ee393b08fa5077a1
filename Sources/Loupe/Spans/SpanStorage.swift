import Synchronization

/// The mutable state behind a recording ``Span``; allocated only when someone listens.
final class SpanStorage: Sendable {
    /// Runs under the lock as the span ends, before the `stop` event is built: the GenAI helpers
    /// derive throughput and cost here from what the body recorded.
    typealias Finisher =
        @Sendable (_ recording: inout SpanRecording, _ start: TelemetryInstant, _ end: TelemetryInstant) -> Void

    let context: SpanContext
    let parentSpanID: SpanID?
    let event: EventName
    let kind: SpanKind
    let start: TelemetryInstant
    let telemetry: Telemetry
    private let finisher: Finisher?
    private let recording: Mutex<SpanRecording>

    init(
        context: SpanContext, parentSpanID: SpanID?, event: EventName, kind: SpanKind, start: TelemetryInstant,
        telemetry: Telemetry, recording: SpanRecording, finisher: Finisher?
    ) {
        self.context = context
        self.parentSpanID = parentSpanID
        self.event = event
        self.kind = kind
        self.start = start
        self.telemetry = telemetry
        self.finisher = finisher
        self.recording = Mutex(recording)
    }

    func update<Result: Sendable>(_ body: (inout SpanRecording) -> Result) -> Result {
        recording.withLock { body(&$0) }
    }

    /// Wall-clock time of `instant`, derived from the start and the monotonic clock so that
    /// timestamps inside one span stay ordered even if the wall clock steps.
    func unixNanos(at instant: TelemetryInstant) -> Int64 {
        start.unixNanos &+ Int64(clamping: instant.nanosSince(start))
    }

    /// Ends the span once: later calls do nothing. Emits `stop`, or `exception` when `error`.
    func end(error: (any Error)?) {
        let end = telemetry.configuration.clock.now()
        let endUnix = unixNanos(at: end)
        let finisher = self.finisher
        let start = self.start
        let ended: SpanRecording? = recording.withLock { state in
            guard !state.isEnded else { return nil }
            state.isEnded = true
            if let error { state.recordError(error, atUnixNanos: endUnix) }
            finisher?(&state, start, end)
            return state
        }
        guard let ended else { return }

        let duration = end.nanosSince(start)
        let name = error == nil ? event.stop : event.exception
        telemetry.deliver(name) {
            var measurements = ended.measurements
            measurements[MeasurementKey.durationNanos] = Double(duration)
            var metadata = ended.attributes
            if error != nil, let exception = ended.events.last {
                metadata.merge(exception.attributes) { current, _ in current }
            }
            return TelemetryEvent(
                name: name, measurements: measurements, metadata: metadata, spanContext: context,
                finishedSpan: context.isSampled ? finishedSpan(ended, endUnix: endUnix, duration: duration) : nil)
        }
    }

    private func finishedSpan(_ recording: SpanRecording, endUnix: Int64, duration: UInt64) -> FinishedSpan {
        FinishedSpan(
            event: event, name: recording.name, context: context, parentSpanID: parentSpanID, kind: kind,
            startUnixNanos: start.unixNanos, endUnixNanos: endUnix, durationNanos: duration,
            status: recording.status, statusMessage: recording.statusMessage, attributes: recording.attributes,
            measurements: recording.measurements, events: recording.events)
    }
}
