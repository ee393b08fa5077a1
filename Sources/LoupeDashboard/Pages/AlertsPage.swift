import Foundation
import LoupeAlerts
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Firing, pending and recently resolved alerts with what they found, acknowledge, silence and
/// resolve buttons, the last day's history, and the rules in force.
struct AlertsPage {
    static let parameters: Set<String> = []

    let context: PageContext
    let engine: AlertEngine?

    func render() async throws -> RenderedPage {
        guard let engine else {
            return RenderedPage(title: "Alerts", content: context.templates.render(AlertsView(enabled: false), "alerts"))
        }
        let now = context.query.range.toNanos
        async let historyRead = context.analytics.store.alertEvents(AlertEventQuery(fromNanos: now - 86_400_000_000_000, toNanos: now + 1, limit: 200))
        let alerts = await engine.alerts()
        let rules = await engine.rules
        let failures = await engine.failures
        let history = try await historyRead
        func place(_ key: [String: String]) -> String {
            key.isEmpty ? "all traffic" : key.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        }
        func time(_ nanos: Int64) -> (String, String) {
            let seconds = nanos / 1_000_000_000
            return (DisplayFormat.utcTime(seconds, withDate: true), DisplayFormat.iso(seconds))
        }
        let rows = alerts.map { a -> AlertsView.Alert in
            let (since, sinceISO) = time(a.firedNanos ?? a.startedNanos)
            var notes: [String] = []
            if let by = a.acknowledgedBy { notes.append("acknowledged by \(by)") }
            if let until = a.silencedUntilNanos, until > now { notes.append("silenced until \(time(until).0) UTC") }
            return AlertsView.Alert(
                id: a.id, status: a.status.rawValue, severity: a.severity.rawValue, rule: a.rule, place: place(a.key), detail: a.detail,
                since: since, sinceISO: sinceISO, notes: notes.joined(separator: " · "), open: a.status != .resolved,
                actionBase: "/ui/alerts/\(a.id)"
            )
        }
        let events = history.map { e -> AlertsView.Event in
            let (at, atISO) = time(e.atNanos)
            return AlertsView.Event(at: at, atISO: atISO, event: e.event, rule: e.rule, place: place(e.key), detail: e.detail)
        }
        let ruleRows = rules.rules.map { rule in
            AlertsView.Rule(
                name: rule.name, kind: rule.kind.rawValue, condition: rule.condition, window: "\(rule.windowSeconds / 60) min",
                group: rule.groupBy.isEmpty ? "–" : rule.groupBy.joined(separator: ", "), enabled: rule.enabled,
                failure: failures[rule.name]
            )
        }
        let view = AlertsView(
            enabled: true, alerts: rows, hasAlerts: !rows.isEmpty, firing: alerts.filter { $0.status == .firing }.count,
            events: events, hasEvents: !events.isEmpty, rules: ruleRows,
            channels: rules.channels.isEmpty ? nil
                : rules.channels.map { "\($0.name) (\($0.type.rawValue), from \($0.minSeverity.rawValue))" }.joined(separator: "; ")
        )
        return RenderedPage(title: "Alerts", content: context.templates.render(view, "alerts"), live: true)
    }
}
