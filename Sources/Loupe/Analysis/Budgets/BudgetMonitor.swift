import Synchronization

/// Checks every call against its operation's latency budget: emits a
/// ``EventName/budgetViolation`` for each call over budget, in the slow span's context, and a
/// ``EventName/budgetWindow`` summary per budgeted operation per window (calls, violations, share
/// over budget, worst overage).
///
/// ```swift
/// let budgets = BudgetMonitor(
///     reportingTo: telemetry, budgets: LatencyBudgets(["chat gpt-4o-mini": .seconds(2)]), window: .seconds(300))
/// try budgets.attach()
/// ```
///
/// Failed calls count: a timeout is the slowest kind of call. Windows close when a call arrives
/// after their end or on ``flush(now:includingPartial:)``, with time from the telemetry's clock.
public final class BudgetMonitor: TelemetryHandler, Sendable {
    private struct Tally {
        var budgetMs: Double
        var calls = 0
        var violations = 0
        var worstOverageMs = 0.0
        var worstOverageRatio = 0.0
    }

    private struct State {
        var window: TumblingWindow
        var tallies: [String: Tally] = [:]
    }

    private let telemetry: Telemetry
    private let clock: any TelemetryClock
    /// The budget of each operation.
    public let budgets: LatencyBudgets
    private let state: Mutex<State>

    /// - Parameters:
    ///   - telemetry: where violations and summaries are emitted; its clock times the windows.
    ///   - budgets: the budget of each operation; operations without one are not checked.
    ///   - window: the length of each summary window.
    public init(reportingTo telemetry: Telemetry, budgets: LatencyBudgets, window: Duration = .seconds(300)) {
        self.telemetry = telemetry
        self.clock = telemetry.configuration.clock
        self.budgets = budgets
        self.state = Mutex(State(window: TumblingWindow(length: window, start: telemetry.configuration.clock.now())))
    }

    /// Attaches this monitor to its telemetry instance, to every span by default.
    public func attach(id: HandlerID = "loupe.analysis.budgets", to patterns: [EventPattern] = [.all])
        throws(TelemetryAttachError)
    {
        try telemetry.attach(id, to: patterns, handler: self)
    }

    /// Feeds a span's `stop` or `exception` event to ``record(_:at:)`` at the clock's current
    /// time; ignores other events.
    public func handle(_ event: TelemetryEvent) {
        guard let outcome = SpanOutcome(event: event) else { return }
        record(outcome, at: clock.now())
    }

    /// Checks one call that ended at `now` against its budget; returns (and emits) the violation
    /// when it was over. Closes and emits the previous window first if `now` is past its end.
    @discardableResult
    public func record(_ outcome: SpanOutcome, at now: TelemetryInstant) -> BudgetViolation? {
        guard let budget = budgets[outcome.operation] else { return nil }
        let budgetMs = budget.milliseconds
        let violation =
            outcome.durationMs > budgetMs
            ? BudgetViolation(
                operation: outcome.operation, model: outcome.model, durationMs: outcome.durationMs,
                budgetMs: budgetMs, failed: outcome.isFailure, spanContext: outcome.spanContext)
            : nil
        let closed = state.withLock { state -> [BudgetSummary] in
            let closed = state.window.roll(to: now).map { Self.drain(&state, window: $0) } ?? []
            var tally = state.tallies[outcome.operation] ?? Tally(budgetMs: budgetMs)
            tally.calls += 1
            if let violation {
                tally.violations += 1
                tally.worstOverageMs = max(tally.worstOverageMs, violation.overageMs)
                tally.worstOverageRatio = max(tally.worstOverageRatio, violation.overageRatio)
            }
            state.tallies[outcome.operation] = tally
            return closed
        }
        emit(closed)
        if let violation {
            // In the slow span's context, so the violation links to the trace that explains it.
            withSpanContext(violation.spanContext) {
                telemetry.emit(.budgetViolation, measurements: violation.measurements, metadata: violation.metadata)
            }
        }
        return violation
    }

    /// Closes the window if it ended by `now`, or, with `includingPartial`, the current window
    /// even if it has not; emits and returns its summaries.
    @discardableResult
    public func flush(now: TelemetryInstant, includingPartial: Bool = false) -> [BudgetSummary] {
        let closed = state.withLock { state -> [BudgetSummary] in
            if let window = state.window.roll(to: now) { return Self.drain(&state, window: window) }
            guard includingPartial else { return [] }
            return Self.drain(&state, window: state.window.cut(at: now))
        }
        emit(closed)
        return closed
    }

    /// The open window's summaries so far, without closing it.
    public func current(now: TelemetryInstant) -> [BudgetSummary] {
        state.withLock { state in
            let start = state.window.start
            let end = start.unixNanos &+ Int64(clamping: now.nanosSince(start))
            let window = AnalysisWindow(startUnixNanos: start.unixNanos, endUnixNanos: end, isPartial: true)
            return Self.summaries(state.tallies, window: window)
        }
    }

    private static func drain(_ state: inout State, window: AnalysisWindow) -> [BudgetSummary] {
        defer { state.tallies.removeAll(keepingCapacity: true) }
        return summaries(state.tallies, window: window)
    }

    private static func summaries(_ tallies: [String: Tally], window: AnalysisWindow) -> [BudgetSummary] {
        tallies.sorted { $0.key < $1.key }.map { operation, tally in
            BudgetSummary(
                operation: operation, window: window, budgetMs: tally.budgetMs, calls: tally.calls,
                violations: tally.violations, worstOverageMs: tally.worstOverageMs,
                worstOverageRatio: tally.worstOverageRatio)
        }
    }

    private func emit(_ summaries: [BudgetSummary]) {
        withSpanContext(nil) {
            for summary in summaries {
                telemetry.emit(.budgetWindow, measurements: summary.measurements, metadata: summary.metadata)
            }
        }
    }
}
