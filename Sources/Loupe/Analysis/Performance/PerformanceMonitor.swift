import Synchronization

/// Summarises every operation's latency and error rate per window and emits one
/// ``EventName/performanceWindow`` event per operation when a window closes.
///
/// Attach it to the spans it should watch; it reads each span's `stop` or `exception` event:
///
/// ```swift
/// let monitor = PerformanceMonitor(reportingTo: telemetry, window: .seconds(60))
/// try monitor.attach()
/// // … every minute with traffic, one event per operation:
/// // loupe.analysis.performance.window
/// //   {operation: "chat gpt-4o-mini", count: 412, p95_ms: 2310, error_rate: 0.01, …}
/// ```
///
/// There is no timer: a window closes when a call arrives after its end, or when
/// ``flush(now:includingPartial:)`` is called (from a periodic task, and at shutdown with
/// `includingPartial: true`). Time comes from the telemetry's clock, so tests drive windows with a
/// manual clock. Windows in which an operation saw no call produce nothing for it.
public final class PerformanceMonitor: TelemetryHandler, Sendable {
    private struct State {
        var window: TumblingWindow
        var operations: [String: LatencyStats] = [:]
    }

    /// Calls of operations beyond ``maxOperations`` in one window are summarised under this name.
    public static let overflowOperation = "(other)"

    private let telemetry: Telemetry
    private let clock: any TelemetryClock
    private let group: @Sendable (SpanOutcome) -> String?
    /// Bounds memory and event volume when operation names carry unbounded values.
    public let maxOperations: Int
    private let state: Mutex<State>

    /// - Parameters:
    ///   - telemetry: where summaries are emitted; its clock times the windows.
    ///   - window: the length of each window.
    ///   - maxOperations: distinct operations tracked per window; later ones are folded into
    ///     ``overflowOperation``.
    ///   - group: the name a span's calls are summarised under; nil ignores the span. By default
    ///     ``SpanOutcome/operation``.
    public init(
        reportingTo telemetry: Telemetry, window: Duration = .seconds(60), maxOperations: Int = 1_000,
        groupBy group: @escaping @Sendable (SpanOutcome) -> String? = { $0.operation }
    ) {
        self.telemetry = telemetry
        self.clock = telemetry.configuration.clock
        self.group = group
        self.maxOperations = max(maxOperations, 1)
        self.state = Mutex(State(window: TumblingWindow(length: window, start: telemetry.configuration.clock.now())))
    }

    /// Attaches this monitor to its telemetry instance, to every span by default.
    public func attach(
        id: HandlerID = "loupe.analysis.performance", to patterns: [EventPattern] = [.all]
    ) throws(TelemetryAttachError) {
        try telemetry.attach(id, to: patterns, handler: self)
    }

    /// Feeds a span's `stop` or `exception` event to ``record(_:at:)`` at the clock's current
    /// time; ignores other events.
    public func handle(_ event: TelemetryEvent) {
        guard let outcome = SpanOutcome(event: event) else { return }
        record(outcome, at: clock.now())
    }

    /// Counts one call that ended at `now`, first closing (and emitting) the window before it if
    /// `now` is past that window's end.
    public func record(_ outcome: SpanOutcome, at now: TelemetryInstant) {
        guard let operation = group(outcome) else { return }
        let closed = state.withLock { state -> [OperationPerformance] in
            let closed = state.window.roll(to: now).map { Self.drain(&state, window: $0) } ?? []
            let key =
                state.operations[operation] != nil || state.operations.count < maxOperations
                ? operation : Self.overflowOperation
            state.operations[key, default: LatencyStats()].record(ms: outcome.durationMs, failed: outcome.isFailure)
            return closed
        }
        // Emitted outside the lock: a handler of the summary may feed this monitor again.
        emit(closed)
    }

    /// Closes the window if it ended by `now`, or, with `includingPartial`, the current window
    /// even if it has not; emits and returns the summaries of the closed window.
    @discardableResult
    public func flush(now: TelemetryInstant, includingPartial: Bool = false) -> [OperationPerformance] {
        let closed = state.withLock { state -> [OperationPerformance] in
            if let window = state.window.roll(to: now) { return Self.drain(&state, window: window) }
            guard includingPartial else { return [] }
            return Self.drain(&state, window: state.window.cut(at: now))
        }
        emit(closed)
        return closed
    }

    /// The current, still open window's figures so far, without closing it.
    public func current(now: TelemetryInstant) -> [OperationPerformance] {
        state.withLock { state in
            let start = state.window.start
            let end = start.unixNanos &+ Int64(clamping: now.nanosSince(start))
            let window = AnalysisWindow(startUnixNanos: start.unixNanos, endUnixNanos: end, isPartial: true)
            return Self.summaries(state.operations, window: window)
        }
    }

    private static func drain(_ state: inout State, window: AnalysisWindow) -> [OperationPerformance] {
        defer { state.operations.removeAll(keepingCapacity: true) }
        return summaries(state.operations, window: window)
    }

    private static func summaries(
        _ operations: [String: LatencyStats], window: AnalysisWindow
    ) -> [OperationPerformance] {
        operations.sorted { $0.key < $1.key }.map {
            OperationPerformance(operation: $0.key, window: window, stats: $0.value)
        }
    }

    private func emit(_ summaries: [OperationPerformance]) {
        // A summary belongs to no span, whichever span's end happened to close the window.
        withSpanContext(nil) {
            for summary in summaries {
                telemetry.emit(.performanceWindow, measurements: summary.measurements, metadata: summary.metadata)
            }
        }
    }
}
