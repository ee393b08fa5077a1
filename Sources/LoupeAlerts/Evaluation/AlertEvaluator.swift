import Foundation
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Evaluates rules over the store at an instant, through the same analytics the API uses: a rule
/// and the dashboard can never disagree about a number.
public struct AlertEvaluator: Sendable {
    public let analytics: TelemetryAnalytics
    /// The budgets `budget` rules watch; none without a book.
    public let budgets: BudgetBook?

    public init(analytics: TelemetryAnalytics, budgets: BudgetBook? = nil) {
        self.analytics = analytics
        self.budgets = budgets
    }

    /// One observation per group the rule sees; a group absent from the answer is within bounds.
    public func evaluate(_ rule: AlertRule, atNanos now: Int64) async throws -> [AlertObservation] {
        let window = TimeRange(fromNanos: now - rule.windowSeconds * 1_000_000_000, toNanos: now)
        switch rule.kind {
        case .threshold: return try await threshold(rule, window: window)
        case .errorSpike: return try await errorSpike(rule, window: window)
        case .newFailureMode: return try await newFailureModes(rule, window: window)
        case .noData: return try await noData(rule, window: window)
        case .anomaly: return try await anomalies(rule, window: window)
        case .budget:
            var observations: [AlertObservation] = []
            for budget in await budgets?.budgets ?? [] {
                observations.append(Self.observation(try await analytics.budgetStatus(budget, nowNanos: now), rule: rule))
            }
            return observations
        }
    }

    private func threshold(_ rule: AlertRule, window: TimeRange) async throws -> [AlertObservation] {
        guard let measure = rule.measure else { return [] }
        // Token utilisation is per model: keep the model in the groups even when the rule does not.
        var groupBy = rule.groupDimensions
        if measure == .tokenUtilisation && !groupBy.contains(.model) { groupBy.append(.model) }
        let report = try await analytics.summary(SummaryQuery(range: window, groupBy: groupBy, filters: rule.filterDimensions))
        let groups = rule.groupBy.isEmpty && measure != .tokenUtilisation ? [report.totals] : report.groups
        let unit = report.unit
        let minutes = rule.windowSeconds / 60
        return groups.map { group in
            let requests = group.measures[unit].count
            let key = group.key.filter { rule.groupBy.contains($0.key) || measure == .tokenUtilisation && $0.key == "model" }
            guard requests >= rule.minRequests else {
                return AlertObservation(key: key, value: nil, level: nil, requests: requests,
                                        detail: "\(requests) \(unit.rawValue) in \(minutes) min, fewer than the \(rule.minRequests) needed to judge")
            }
            guard let value = measure.value(of: group, unit: unit, catalog: analytics.prices, atUnixNanos: window.toNanos) else {
                return AlertObservation(key: key, value: nil, level: nil, requests: requests, detail: "no \(measure.rawValue) in the window")
            }
            let level = rule.level(of: value)
            let bound = level.flatMap(rule.threshold(for:)) ?? rule.warning ?? rule.critical ?? 0
            let detail = "\(measure.rawValue) \(measure.format(value)) \(level == nil ? "within" : rule.op.rawValue) "
                + "\(measure.format(bound)) over \(minutes) min (\(requests) \(unit.rawValue))"
            return AlertObservation(key: key, value: value, level: level, requests: requests, detail: detail)
        }
    }

    /// Failures of the category in the window against their mean per window over the previous six.
    private func errorSpike(_ rule: AlertRule, window: TimeRange) async throws -> [AlertObservation] {
        guard let category = rule.category else { return [] }
        let span = window.toNanos - window.fromNanos
        let baselineWindows: Int64 = 6
        let baseline = TimeRange(fromNanos: window.fromNanos - baselineWindows * span, toNanos: window.fromNanos)
        var filters = rule.filterDimensions
        filters[.errorCategory] = category
        async let nowRead = analytics.summary(SummaryQuery(range: window, groupBy: rule.groupDimensions, filters: filters, latency: false))
        async let beforeRead = analytics.summary(SummaryQuery(range: baseline, groupBy: rule.groupDimensions, filters: filters, latency: false))
        let (current, before) = try await (nowRead, beforeRead)
        let previous = Dictionary(before.groups.map { ($0.key, $0.measures.spans.errors) }, uniquingKeysWith: +)
        let groups = rule.groupBy.isEmpty ? [current.totals] : current.groups
        return groups.map { group in
            let failures = group.measures.spans.errors
            let usual = Double(rule.groupBy.isEmpty ? before.totals.measures.spans.errors : previous[group.key] ?? 0) / Double(baselineWindows)
            let value = Double(failures)
            let spiking = value >= rule.factor * max(usual, 1)
            let level = spiking ? rule.level(of: value) : nil
            let detail = "\(failures) \(category) failures in \(rule.windowSeconds / 60) min, against \(String(format: "%.1f", usual)) usually"
            return AlertObservation(key: group.key, value: value, level: level, requests: failures, detail: detail)
        }
    }

    /// Failure modes in the window none of which was seen in the lookback before it.
    private func newFailureModes(_ rule: AlertRule, window: TimeRange) async throws -> [AlertObservation] {
        let before = TimeRange(fromNanos: window.toNanos - rule.lookbackSeconds * 1_000_000_000, toNanos: window.fromNanos)
        async let nowRead = analytics.errors(ErrorsQuery(range: window, filters: rule.filterDimensions, examplesPerFingerprint: 1, byPlace: false))
        async let beforeRead = analytics.errors(ErrorsQuery(range: before, filters: rule.filterDimensions, examplesPerFingerprint: 1, byPlace: false))
        let (current, past) = try await (nowRead, beforeRead)
        let known = Set(past.groups.flatMap { $0.fingerprints.map(\.fingerprint) })
        return current.groups.flatMap { group in
            group.fingerprints.filter { !known.contains($0.fingerprint) }.map { mode in
                AlertObservation(
                    key: ["fingerprint": mode.fingerprint, "error_category": group.category.rawValue], value: Double(mode.count),
                    level: rule.severity, requests: Int64(mode.count),
                    detail: "new failure mode (\(group.category.rawValue)), \(mode.count) times: \(String((mode.sampleMessage ?? mode.errorType ?? "no message").prefix(200)))"
                )
            }
        }
    }

    /// The anomalies of the rule's metric still going on at the end of the window, one per series,
    /// at the level their severity reaches (the rule's severity when it sets no thresholds).
    private func anomalies(_ rule: AlertRule, window: TimeRange) async throws -> [AlertObservation] {
        guard let metric = rule.metric else { return [] }
        let report = try await analytics.anomalies(AnomalyQuery(
            range: window, metrics: [metric], groupBy: rule.groupDimensions.first, filters: rule.filterDimensions,
            lookbackSeconds: rule.lookbackSeconds, attributionLimit: 3
        ))
        var seen: Set<[String: String]> = []
        return report.anomalies.filter { $0.ongoing && seen.insert($0.key).inserted }.map { anomaly in
            let level = rule.warning == nil && rule.critical == nil ? rule.severity : rule.level(of: anomaly.severity)
            return AlertObservation(
                key: anomaly.key, value: anomaly.severity, level: level, requests: 0, detail: anomaly.sentence(unit: report.unit)
            )
        }
    }

    /// How budgets feed alerts: one observation per budget, keyed by its name, at a level its state
    /// reaches. Exceeded is critical; projected to exceed and 80% spent are warnings; 50% spent is
    /// info; ok is within bounds. A rule's `warning` or `critical`, when set, are shares of the
    /// amount spent (0.9 = 90%) that raise the level instead.
    public static func observation(_ status: BudgetStatus, rule: AlertRule) -> AlertObservation {
        var level: AlertSeverity?
        if rule.warning != nil || rule.critical != nil {
            level = rule.level(of: status.spentShare)
        } else {
            switch status.state {
            case .exceeded: level = .critical
            case .projectedToExceed, .warning80: level = .warning
            case .warning50: level = .info
            case .ok: level = nil
            }
        }
        func dollars(_ value: Double) -> String { String(format: value >= 1 ? "$%.2f" : "$%.4f", value) }
        var detail = "budget \(status.budget.name): \(dollars(status.spentUSD)) of \(dollars(status.budget.amountUSD)) spent"
            + String(format: " (%.0f%%)", status.spentShare * 100)
        if let projected = status.projectedUSD { detail += ", \(dollars(projected)) projected by the period's end" }
        if let lead = status.drivers.first { detail += "; most spent by \(lead.dimension) \(lead.value)" }
        // The budget's own filters too, so the alert's links and diagnostics look at its spans.
        let key = status.budget.filters.merging(["budget": status.budget.name]) { _, name in name }
        return AlertObservation(key: key, value: status.spentShare, level: level, requests: 0, detail: detail)
    }

    /// Services with spans in the lookback before the window and none in it.
    private func noData(_ rule: AlertRule, window: TimeRange) async throws -> [AlertObservation] {
        let before = TimeRange(fromNanos: window.toNanos - rule.lookbackSeconds * 1_000_000_000, toNanos: window.fromNanos)
        let groupBy = rule.groupBy.isEmpty ? [TelemetryDimension.service] : rule.groupDimensions
        async let nowRead = analytics.summary(SummaryQuery(range: window, groupBy: groupBy, filters: rule.filterDimensions, latency: false))
        async let beforeRead = analytics.summary(SummaryQuery(range: before, groupBy: groupBy, filters: rule.filterDimensions, latency: false))
        let (current, past) = try await (nowRead, beforeRead)
        let active = Set(current.groups.filter { $0.measures.spans.count > 0 }.map(\.key))
        return past.groups.filter { $0.measures.spans.count > 0 }.map { group in
            let silent = !active.contains(group.key)
            return AlertObservation(
                key: group.key, value: silent ? 0 : nil, level: silent ? rule.severity : nil, requests: 0,
                detail: silent ? "no spans in the last \(rule.windowSeconds / 60) min after \(group.measures.spans.count) in the \(rule.lookbackSeconds / 60) min before" : "sending"
            )
        }
    }
}
