import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Gathers the diagnostics of a firing alert from the analytics, over the rule's window and the
/// alert's group. Each part is best effort: a part the store cannot answer is left empty rather
/// than holding the notification back.
public struct AlertDiagnosticsBuilder: Sendable {
    public let analytics: TelemetryAnalytics
    /// Where links lead: the dashboard's base URL, without a trailing slash.
    public let dashboardURL: String

    public init(analytics: TelemetryAnalytics, dashboardURL: String) {
        self.analytics = analytics
        self.dashboardURL = dashboardURL.hasSuffix("/") ? String(dashboardURL.dropLast()) : dashboardURL
    }

    /// The dashboard's overview for the alert's window and group.
    public func overviewURL(rule: AlertRule, alert: AlertState, atNanos now: Int64) -> String {
        let to = now / 1_000_000_000 + 60
        let from = to - max(rule.windowSeconds, 900)
        var query = ["from=\(from)", "to=\(to)"]
        for (name, value) in filters(rule: rule, alert: alert).sorted(by: { $0.key.name < $1.key.name }) where name != .errorCategory {
            query.append("\(Self.escape(name.name))=\(Self.escape(value))")
        }
        return dashboardURL + (rule.kind == .budget ? "/ui/cost?" : "/ui/?") + query.joined(separator: "&")
    }

    func filters(rule: AlertRule, alert: AlertState) -> [TelemetryDimension: String] {
        var filters = rule.filterDimensions
        // A failure mode and a budget name an alert, not a dimension its spans can be filtered by.
        for (name, value) in alert.key where name != "fingerprint" && name != "budget" { filters[TelemetryDimension(name)] = value }
        return filters
    }

    public func build(rule: AlertRule, alert: AlertState, atNanos now: Int64) async -> AlertDiagnostics {
        let range = TimeRange(fromNanos: now - rule.windowSeconds * 1_000_000_000, toNanos: now)
        let filters = filters(rule: rule, alert: alert)
        async let errorsRead = try? analytics.errors(ErrorsQuery(range: range, filters: filters, examplesPerFingerprint: 3, byPlace: false))
        async let modelsRead = try? analytics.summary(SummaryQuery(range: range, groupBy: [.model], filters: filters))
        async let usersRead = try? analytics.summary(SummaryQuery(range: range, groupBy: [.user], filters: filters))
        async let breakdownRead = try? analytics.breakdown(
            BreakdownQuery(range: range, project: filters[.project], service: filters[.service], sampleSize: 200)
        )
        async let tracesRead = try? analytics.traces(TraceQuery(range: range, filters: filters, limit: 200))
        let (errors, models, users, breakdown, traces) = await (errorsRead, modelsRead, usersRead, breakdownRead, tracesRead)

        var modes = errors?.groups.flatMap { group in group.fingerprints.map { (group.category, $0) } } ?? []
        if let fingerprint = alert.key["fingerprint"] { modes = modes.filter { $0.1.fingerprint == fingerprint } }
        modes.sort { $0.1.count > $1.1.count }
        let top = modes.prefix(3).map { category, mode in
            AlertDiagnostics.FailureMode(
                category: category.rawValue, fingerprint: mode.fingerprint, count: mode.count,
                message: mode.sampleMessage.map { String($0.prefix(300)) }, remediation: category.remediation.summary,
                url: dashboardURL + "/ui/errors?fingerprint=\(mode.fingerprint)&from=\(range.fromNanos / 1_000_000_000)&to=\(range.toNanos / 1_000_000_000 + 60)"
            )
        }
        // Failed traces of the top failure modes first, then the slowest traces of the window.
        var examples = modes.prefix(3).flatMap { $0.1.exampleTraceIds }
        let slowest = (traces ?? []).sorted { $0.durationMs > $1.durationMs }.map(\.traceId)
        for id in slowest where examples.count < 5 && !examples.contains(id) { examples.append(id) }
        let stage = breakdown.flatMap { report -> AlertDiagnostics.Stage? in
            guard let slowest = report.slowest else { return nil }
            return AlertDiagnostics.Stage(
                stage: slowest.stage, share: slowest.share, p95Ms: slowest.p95Ms,
                rootOperation: report.operation.map { "\($0.service) \($0.name)" }
            )
        }
        return AlertDiagnostics(
            value: alert.value, detail: alert.detail, topFailureModes: Array(top), slowestStage: stage,
            affectedModels: Self.mostAffected(models, dimension: "model"), affectedUsers: Self.mostAffected(users, dimension: "user"),
            exampleTraces: examples.prefix(5).map { dashboardURL + "/ui/traces/\($0)" }
        )
    }

    /// The groups with the most failures, then the slowest: the three most affected.
    static func mostAffected(_ report: SummaryReport?, dimension: String) -> [AlertDiagnostics.Affected] {
        guard let report else { return [] }
        let unit = report.unit
        return report.groups.filter { !($0.key[dimension] ?? "").isEmpty && $0.measures[unit].count > 0 }
            .sorted { a, b in
                let (ma, mb) = (a.measures[unit], b.measures[unit])
                return (ma.errors, ma.latency.quantile(0.95) ?? 0) > (mb.errors, mb.latency.quantile(0.95) ?? 0)
            }
            .prefix(3)
            .map { group in
                let m = group.measures[unit]
                return AlertDiagnostics.Affected(
                    name: group.key[dimension] ?? "", requests: m.count, errors: m.errors, errorRate: m.errorRate, p95Ms: m.latency.quantile(0.95)
                )
            }
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
