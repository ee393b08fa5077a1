import Foundation
import Logging
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Evaluates every enabled rule at each tick, moves alerts through their states, and notifies the
/// channels that route them, with diagnostics; the history goes to the store. Time comes from the
/// caller (the service's injected clock), never from the engine itself.
public actor AlertEngine {
    public private(set) var rules: AlertRuleSet
    private var tracker = AlertTracker()
    private let evaluator: AlertEvaluator
    private let diagnostics: AlertDiagnosticsBuilder
    private let channels: [any AlertChannel]
    private let store: any TelemetryStore
    private let logger: Logger
    /// Rules whose last evaluation failed, with the reason, for the API.
    public private(set) var failures: [String: String] = [:]

    public init(
        rules: AlertRuleSet, analytics: TelemetryAnalytics, channels: [any AlertChannel], dashboardURL: String, logger: Logger,
        budgets: BudgetBook? = nil
    ) {
        self.rules = rules
        self.evaluator = AlertEvaluator(analytics: analytics, budgets: budgets)
        self.diagnostics = AlertDiagnosticsBuilder(analytics: analytics, dashboardURL: dashboardURL)
        self.channels = channels
        self.store = analytics.store
        self.logger = logger
    }

    /// What one tick did.
    public struct TickReport: Sendable {
        public var evaluated = 0
        public var transitions: [AlertTransition] = []
        public var deliveries: [AlertDelivery] = []
    }

    /// Evaluates every enabled rule at `now`, then sends what changed.
    @discardableResult
    public func tick(atNanos now: Int64) async -> TickReport {
        var report = TickReport()
        var history: [AlertEvent] = []
        for rule in rules.rules where rule.enabled {
            do {
                let observations = try await evaluator.evaluate(rule, atNanos: now)
                failures[rule.name] = nil
                let before = Set(tracker.alerts.values.filter { $0.status == .pending }.map(\.id))
                let transitions = tracker.apply(rule: rule, observations: observations, atNanos: now)
                for alert in tracker.alerts.values where alert.rule == rule.name && alert.status == .pending && !before.contains(alert.id) {
                    history.append(Self.event(alert, "pending", at: now))
                }
                report.evaluated += 1
                for transition in transitions {
                    history.append(Self.event(transition.alert, transition.kind.rawValue, at: now))
                    report.transitions.append(transition)
                    let (deliveries, events) = await announce(transition, rule: rule, atNanos: now)
                    report.deliveries += deliveries
                    history += events
                }
            } catch {
                failures[rule.name] = String(describing: error)
                logger.warning("alert rule could not be evaluated", metadata: ["rule": "\(rule.name)", "error": "\(error)"])
            }
        }
        // Notifications held back by quiet hours that have ended.
        for transition in tracker.deferred {
            guard let rule = rules.rules.first(where: { $0.name == transition.alert.rule }) else { continue }
            let (deliveries, events) = await announce(transition, rule: rule, atNanos: now)
            report.deliveries += deliveries
            history += events
        }
        do {
            try await store.appendAlertEvents(history)
        } catch {
            logger.error("alert history could not be stored", metadata: ["error": "\(error)"])
        }
        return report
    }

    /// Sends a transition to every channel that routes it, unless the alert is silenced (dropped)
    /// or its rule is in quiet hours (held back until they end).
    private func announce(_ transition: AlertTransition, rule: AlertRule, atNanos now: Int64) async -> ([AlertDelivery], [AlertEvent]) {
        let alert = transition.alert
        if alert.isSilenced(atNanos: now) {
            tracker.noted(transition, deferred: false)
            return ([], [Self.event(alert, "suppressed", at: now, detail: "silenced: \(transition.kind.rawValue) not sent")])
        }
        if let quiet = rule.quietHours, quiet.contains(unixNanos: now) {
            tracker.noted(transition, deferred: true)
            return ([], [Self.event(alert, "deferred", at: now, detail: "quiet hours: \(transition.kind.rawValue) sent when they end")])
        }
        tracker.noted(transition, deferred: false)
        let notification = await notification(for: transition, rule: rule, atNanos: now)
        var deliveries: [AlertDelivery] = []
        var events: [AlertEvent] = []
        let labels = rule.labels.merging(alert.key) { rule, _ in rule }.merging(["rule": rule.name, "severity": alert.severity.rawValue]) { a, _ in a }
        await withTaskGroup(of: AlertDelivery.self) { group in
            for channel in channels where channel.config.routes(severity: alert.severity, labels: labels) {
                group.addTask { await channel.deliver(notification) }
            }
            for await delivery in group { deliveries.append(delivery) }
        }
        for d in deliveries.sorted(by: { $0.channel < $1.channel }) {
            let detail = "\(transition.kind.rawValue) to \(d.channel): \(d.attempts) attempt(s)"
                + (d.status.map { ", HTTP \($0)" } ?? "") + (d.error.map { ", \($0)" } ?? "")
            events.append(Self.event(alert, d.delivered ? "delivered" : "delivery_failed", at: now, detail: detail))
        }
        return (deliveries, events)
    }

    /// The notification of a transition; firing and escalated ones carry diagnostics.
    public func notification(for transition: AlertTransition, rule: AlertRule, atNanos now: Int64) async -> AlertNotification {
        let alert = transition.alert
        let diagnostics = transition.kind == .resolved ? nil : await diagnostics.build(rule: rule, alert: alert, atNanos: now)
        let place = alert.key.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        let verb = transition.kind == .resolved ? "resolved" : alert.severity.rawValue.uppercased()
        let summary = "[\(verb)] \(rule.name)\(place.isEmpty ? "" : " (\(place))"): \(alert.detail)"
        return AlertNotification(
            status: transition.kind.rawValue, summary: summary,
            alert: .init(
                id: alert.id, rule: rule.name, kind: rule.kind.rawValue, severity: alert.severity, key: alert.key, labels: rule.labels,
                measure: rule.measure?.rawValue, op: rule.kind == .threshold ? rule.op.rawValue : nil,
                threshold: rule.threshold(for: alert.severity), value: alert.value, detail: alert.detail, windowSeconds: rule.windowSeconds,
                startedAt: Self.iso(alert.startedNanos), firedAt: alert.firedNanos.map(Self.iso), resolvedAt: alert.resolvedNanos.map(Self.iso),
                runbook: rule.runbook
            ),
            diagnostics: diagnostics, dashboardURL: self.diagnostics.overviewURL(rule: rule, alert: alert, atNanos: now), sentAt: Self.iso(now)
        )
    }

    /// Pending, firing and recently resolved alerts, firing and most severe first.
    public func alerts() -> [AlertState] {
        tracker.alerts.values.sorted { a, b in
            let rank: (AlertState) -> Int = { $0.status == .firing ? 0 : $0.status == .pending ? 1 : 2 }
            return (rank(a), b.severity, b.startedNanos, a.id) < (rank(b), a.severity, a.startedNanos, b.id)
        }
    }

    public func acknowledge(_ id: String, by who: String, atNanos now: Int64) async throws -> AlertState? {
        guard let alert = tracker.acknowledge(id, by: who) else { return nil }
        try await store.appendAlertEvents([Self.event(alert, "acknowledged", at: now, detail: "by \(who)")])
        return alert
    }

    public func silence(_ id: String, untilNanos: Int64, atNanos now: Int64) async throws -> AlertState? {
        guard let alert = tracker.silence(id, untilNanos: untilNanos) else { return nil }
        try await store.appendAlertEvents([Self.event(alert, "silenced", at: now, detail: "until \(Self.iso(untilNanos))")])
        return alert
    }

    /// Resolves an alert by hand and announces it; nil when there is no such alert.
    public func resolve(_ id: String, atNanos now: Int64) async throws -> AlertState? {
        guard let current = tracker.alerts[id] else { return nil }
        if let transition = tracker.resolve(id, atNanos: now), let rule = rules.rules.first(where: { $0.name == current.rule }) {
            let (_, events) = await announce(transition, rule: rule, atNanos: now)
            try await store.appendAlertEvents([Self.event(transition.alert, "resolved", at: now, detail: "by hand")] + events)
        }
        return tracker.alerts[id]
    }

    public func upsert(_ rule: AlertRule) throws(AlertRuleError) {
        try rules.upsert(rule)
        tracker.forget(rule: rule.name)
    }

    public func remove(rule name: String) -> Bool {
        tracker.forget(rule: name)
        return rules.remove(named: name)
    }

    static func event(_ alert: AlertState, _ what: String, at now: Int64, detail: String? = nil) -> AlertEvent {
        AlertEvent(
            atNanos: now, alertId: alert.id, rule: alert.rule, key: alert.key, event: what, severity: alert.severity.rawValue,
            value: alert.value, detail: detail ?? alert.detail
        )
    }

    static func iso(_ nanos: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date(timeIntervalSince1970: Double(nanos) / 1e9))
    }
}
