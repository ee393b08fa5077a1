/// The state machine of every alert: pending until a breach lasts `for` evaluations, then firing,
/// then resolved at the first evaluation within bounds. Pure: the engine feeds it observations and
/// the instant, and it answers with the transitions to announce.
public struct AlertTracker: Sendable {
    public private(set) var alerts: [String: AlertState] = [:]
    /// How long resolved alerts stay listed.
    public var keepResolvedNanos: Int64 = 24 * 3_600 * 1_000_000_000

    public init() {}

    /// Applies one evaluation of a rule. Groups the rule tracked but did not observe this time are
    /// within bounds (their traffic stopped, or fell below the minimum).
    public mutating func apply(rule: AlertRule, observations: [AlertObservation], atNanos now: Int64) -> [AlertTransition] {
        var transitions: [AlertTransition] = []
        var seen = Set<String>()
        for observation in observations {
            let id = AlertState.id(rule: rule.name, key: observation.key)
            seen.insert(id)
            if let level = observation.level {
                var alert = alerts[id].flatMap { $0.status == .resolved ? nil : $0 }
                    ?? AlertState(id: id, rule: rule.name, key: observation.key, severity: level, value: observation.value,
                                  detail: observation.detail, startedNanos: now)
                // A silence is of the rule and group, not of one occurrence: it outlives a resolution.
                if alert.silencedUntilNanos == nil { alert.silencedUntilNanos = alerts[id]?.silencedUntilNanos }
                alert.breaches += 1
                alert.severity = level
                alert.value = observation.value
                alert.detail = observation.detail
                if alert.status == .pending && alert.breaches >= rule.forEvaluations {
                    alert.status = .firing
                    alert.firedNanos = now
                    transitions.append(AlertTransition(kind: .firing, alert: alert))
                } else if alert.status == .firing, let notified = alert.notifiedSeverity, level > notified, alert.acknowledgedBy == nil {
                    transitions.append(AlertTransition(kind: .escalated, alert: alert))
                }
                alerts[id] = alert
            } else if let transition = recover(id, atNanos: now, detail: observation.detail, value: observation.value) {
                transitions.append(transition)
            }
        }
        for (id, alert) in alerts where alert.rule == rule.name && !seen.contains(id) && alert.status != .resolved {
            if let transition = recover(id, atNanos: now, detail: "no longer observed", value: nil) { transitions.append(transition) }
        }
        alerts = alerts.filter { $0.value.status != .resolved || ($0.value.resolvedNanos ?? now) > now - keepResolvedNanos }
        return transitions
    }

    /// A group back within bounds: a pending alert is forgotten, a firing one resolves.
    private mutating func recover(_ id: String, atNanos now: Int64, detail: String, value: Double?) -> AlertTransition? {
        guard var alert = alerts[id], alert.status != .resolved else { return nil }
        guard alert.status == .firing else {
            alerts[id] = nil
            return nil
        }
        alert.status = .resolved
        alert.resolvedNanos = now
        alert.detail = detail
        alert.value = value ?? alert.value
        alerts[id] = alert
        return AlertTransition(kind: .resolved, alert: alert)
    }

    /// Records that a transition was announced (or held back, with `deferred`).
    public mutating func noted(_ transition: AlertTransition, deferred: Bool) {
        guard var alert = alerts[transition.alert.id] else { return }
        if deferred {
            // A resolution before the firing was ever sent cancels both.
            alert.deferred = (transition.kind == .resolved && alert.deferred == .firing) ? nil : transition.kind
        } else {
            alert.deferred = nil
            if transition.kind != .resolved { alert.notifiedSeverity = transition.alert.severity }
        }
        alerts[alert.id] = alert
    }

    /// Alerts whose notification waits for the end of quiet hours.
    public var deferred: [AlertTransition] {
        alerts.values.compactMap { alert in alert.deferred.map { AlertTransition(kind: $0, alert: alert) } }
    }

    public mutating func acknowledge(_ id: String, by who: String) -> AlertState? {
        alerts[id]?.acknowledgedBy = who
        return alerts[id]
    }

    public mutating func silence(_ id: String, untilNanos: Int64) -> AlertState? {
        alerts[id]?.silencedUntilNanos = untilNanos
        return alerts[id]
    }

    /// Resolves an alert by hand; if its rule still breaches, it starts again as pending.
    public mutating func resolve(_ id: String, atNanos now: Int64) -> AlertTransition? {
        guard var alert = alerts[id], alert.status != .resolved else { return nil }
        let wasFiring = alert.status == .firing
        alert.status = .resolved
        alert.resolvedNanos = now
        alert.detail = "resolved by hand"
        alerts[id] = alert
        return wasFiring ? AlertTransition(kind: .resolved, alert: alert) : nil
    }

    /// Forgets the alerts of a rule that no longer exists.
    public mutating func forget(rule: String) {
        alerts = alerts.filter { $0.value.rule != rule }
    }
}
