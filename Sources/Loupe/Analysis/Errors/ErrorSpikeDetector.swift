import Synchronization

/// Raises one ``EventName/errorSpike`` alert when `threshold` errors of one kind happen within
/// `window`, then stays quiet about that kind until a window has passed: a storm of a thousand
/// rate limits is one alert per window, not a thousand.
///
/// ```swift
/// let spikes = ErrorSpikeDetector(reportingTo: telemetry, threshold: 5, window: .seconds(60))
/// try spikes.attach()
/// try telemetry.attach("pager", to: [.exact(.errorSpike)]) { alert in page(alert.metadata) }
/// ```
///
/// The window slides: the alert fires on the error that makes `threshold` within the last
/// `window`, wherever window boundaries would fall. Kinds are ``ErrorCategory`` values from the
/// classifier by default (the error's type and message), or raw `error.type` values.
public final class ErrorSpikeDetector: TelemetryHandler, Sendable {
    private struct KindState {
        /// Monotonic times of the most recent errors, oldest first; never more than the threshold.
        var recent: [UInt64] = []
        var lastAlert: UInt64?
        var suppressed = 0
    }

    /// Past this many tracked kinds, kinds with no error in the last window are forgotten.
    private static let pruneThreshold = 1_024

    private let telemetry: Telemetry
    private let clock: any TelemetryClock
    private let classifier: ErrorClassifier
    /// Errors of one kind within ``window`` that raise an alert.
    public let threshold: Int
    /// How far back errors count, and how long an alert silences its kind.
    public let window: Duration
    /// What makes two errors the same kind.
    public let grouping: ErrorSpikeGrouping
    private let windowNanos: UInt64
    private let kinds = Mutex<[String: KindState]>([:])

    /// - Parameters:
    ///   - telemetry: where alerts are emitted; its clock times the window.
    ///   - threshold: errors of one kind within `window` that raise an alert (at least 1).
    ///   - window: how far back errors count, and how long an alert silences its kind.
    ///   - grouping: what makes two errors the same kind.
    ///   - classifier: categorises errors; share the application's classifier when it has user rules.
    public init(
        reportingTo telemetry: Telemetry, threshold: Int = 10, window: Duration = .seconds(60),
        grouping: ErrorSpikeGrouping = .category, classifier: ErrorClassifier = ErrorClassifier()
    ) {
        self.telemetry = telemetry
        self.clock = telemetry.configuration.clock
        self.classifier = classifier
        self.threshold = max(threshold, 1)
        self.window = window
        self.grouping = grouping
        self.windowNanos = max(window.nanoseconds, 1)
    }

    /// Attaches this detector to its telemetry instance, to every span by default.
    public func attach(
        id: HandlerID = "loupe.analysis.error-spikes", to patterns: [EventPattern] = [.all]
    ) throws(TelemetryAttachError) {
        try telemetry.attach(id, to: patterns, handler: self)
    }

    /// Feeds a span's `exception` event to ``record(_:at:)`` at the clock's current time; ignores
    /// other events.
    public func handle(_ event: TelemetryEvent) {
        guard let outcome = SpanOutcome(event: event), outcome.isFailure else { return }
        record(outcome, at: clock.now())
    }

    /// Counts one failure at `now`; returns (and emits) the alert when it completes a spike.
    /// Successful outcomes are ignored.
    @discardableResult
    public func record(_ outcome: SpanOutcome, at now: TelemetryInstant) -> ErrorSpike? {
        guard outcome.isFailure else { return nil }
        // Classified outside the lock: it is the expensive part and needs no shared state.
        let classification = classifier.classify(outcome.errorSignal)
        let kind: String
        switch grouping {
        case .category: kind = classification.category.rawValue
        case .errorType: kind = outcome.errorType ?? outcome.exceptionType ?? ErrorCategory.unknown.rawValue
        }
        let t = now.monotonicNanos
        let suppressed: Int? = kinds.withLock { kinds in
            if kinds.count > Self.pruneThreshold, kinds[kind] == nil { prune(&kinds, at: t) }
            var state = kinds[kind] ?? KindState()
            defer { kinds[kind] = state }
            state.recent.removeAll { t &- $0 >= windowNanos }
            state.recent.append(t)
            if state.recent.count > threshold { state.recent.removeFirst(state.recent.count - threshold) }
            let silenced = state.lastAlert.map { t &- $0 < windowNanos } ?? false
            guard state.recent.count >= threshold, !silenced else {
                state.suppressed += 1
                return nil
            }
            let suppressed = state.lastAlert == nil ? 0 : state.suppressed
            state.lastAlert = t
            state.suppressed = 0
            return suppressed
        }
        guard let suppressed else { return nil }
        let spike = ErrorSpike(
            kind: kind, grouping: grouping, category: classification.category, count: threshold,
            suppressedCount: suppressed, window: window, unixNanos: now.unixNanos, operation: outcome.operation,
            model: outcome.model, template: classification.template)
        withSpanContext(outcome.spanContext) {
            telemetry.emit(.errorSpike, measurements: spike.measurements, metadata: spike.metadata)
        }
        return spike
    }

    /// Forgets kinds that have had no error and no alert within the window.
    private func prune(_ kinds: inout [String: KindState], at t: UInt64) {
        kinds = kinds.filter { _, state in
            let lastSeen = max(state.recent.last ?? 0, state.lastAlert ?? 0)
            return t &- lastSeen < windowNanos
        }
    }
}
