import LoupeAnalytics

/// Replays rules over stored history, evaluating them every `step` as the server would have, and
/// reports when each alert would have fired and resolved: thresholds are tuned before anyone is
/// woken at night.
public struct AlertBacktest: Sendable {
    /// One period an alert would have been firing.
    public struct Firing: Sendable, Hashable {
        public var rule: String
        public var key: [String: String]
        public var firedNanos: Int64
        /// Nil when it was still firing at the end of the replay.
        public var resolvedNanos: Int64?
        /// The highest severity it reached.
        public var severity: AlertSeverity
        /// The value at its worst evaluation, and what that evaluation said.
        public var worstValue: Double?
        public var worstDetail: String
    }

    public let evaluator: AlertEvaluator

    public init(analytics: TelemetryAnalytics) {
        evaluator = AlertEvaluator(analytics: analytics)
    }

    /// The evaluations the replay makes: one per step from `from + step` to `to`.
    public static func evaluationTimes(fromNanos: Int64, toNanos: Int64, stepNanos: Int64) -> [Int64] {
        guard stepNanos > 0, toNanos > fromNanos else { return [] }
        return Array(stride(from: fromNanos + stepNanos, through: toNanos, by: Int(stepNanos)).map { Int64($0) })
    }

    /// Firing periods, in the order they started; `progress` hears after each evaluation time.
    public func run(
        rules: [AlertRule], fromNanos: Int64, toNanos: Int64, stepNanos: Int64,
        progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws -> [Firing] {
        var tracker = AlertTracker()
        var open: [String: Firing] = [:]
        var done: [Firing] = []
        let times = Self.evaluationTimes(fromNanos: fromNanos, toNanos: toNanos, stepNanos: stepNanos)
        for (index, now) in times.enumerated() {
            for rule in rules where rule.enabled {
                let observations = try await evaluator.evaluate(rule, atNanos: now)
                for transition in tracker.apply(rule: rule, observations: observations, atNanos: now) {
                    let alert = transition.alert
                    switch transition.kind {
                    case .firing:
                        open[alert.id] = Firing(
                            rule: rule.name, key: alert.key, firedNanos: now, resolvedNanos: nil, severity: alert.severity,
                            worstValue: alert.value, worstDetail: alert.detail
                        )
                    case .escalated:
                        break
                    case .resolved:
                        if var firing = open.removeValue(forKey: alert.id) {
                            firing.resolvedNanos = now
                            done.append(firing)
                        }
                    }
                }
                // Track each open alert's worst evaluation.
                for (id, var firing) in open where firing.rule == rule.name {
                    guard let alert = tracker.alerts[id], alert.status == .firing else { continue }
                    if alert.severity > firing.severity || (alert.severity == firing.severity && worse(alert.value, than: firing.worstValue, rule: rule)) {
                        firing.severity = max(firing.severity, alert.severity)
                        firing.worstValue = alert.value
                        firing.worstDetail = alert.detail
                    }
                    open[id] = firing
                }
            }
            progress(index + 1, times.count)
        }
        return (done + open.values).sorted { ($0.firedNanos, $0.rule) < ($1.firedNanos, $1.rule) }
    }

    private func worse(_ value: Double?, than other: Double?, rule: AlertRule) -> Bool {
        guard let value else { return false }
        guard let other else { return true }
        switch rule.op {
        case .lessThan, .lessOrEqual: return value < other
        default: return value > other
        }
    }
}
