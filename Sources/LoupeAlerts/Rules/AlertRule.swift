import LoupeAnalytics
import LoupeCore
import LoupeStore

/// One alert rule, as written in a rules file (YAML or JSON) or sent to the API.
///
/// A threshold rule compares a summary measure over the last `window` with a warning and a critical
/// threshold, per value of its `group_by` (every model, every service), among spans matching its
/// `filters`. It fires after `for` consecutive breaching evaluations, and never for a group with
/// fewer than `min_requests` in the window.
public struct AlertRule: Sendable, Hashable {
    public var name: String
    public var kind: AlertRuleKind
    public var measure: AlertMeasure?
    public var op: AlertOperator
    public var warning: Double?
    public var critical: Double?
    public var windowSeconds: Int64
    /// Consecutive breaching evaluations before the alert fires (pending until then).
    public var forEvaluations: Int
    public var minRequests: Int64
    public var groupBy: [String]
    public var filters: [String: String]
    /// For kinds without thresholds (new failure mode, no data): the severity they fire at.
    public var severity: AlertSeverity
    public var labels: [String: String]
    public var quietHours: QuietHours?
    public var runbook: String?
    public var enabled: Bool
    /// Error spike: the category watched (`rate_limit`…).
    public var category: String?
    /// Error spike: how many times its recent rate the window must reach.
    public var factor: Double
    /// New failure mode, no data and anomaly: how far back "before" reaches (the anomaly baseline's history).
    public var lookbackSeconds: Int64
    /// Anomaly: the series watched (`cost_usd`, `error_rate`…).
    public var metric: AnomalyMetric?

    public init(
        name: String, kind: AlertRuleKind = .threshold, measure: AlertMeasure? = nil, op: AlertOperator = .greaterThan,
        warning: Double? = nil, critical: Double? = nil, windowSeconds: Int64 = 300, forEvaluations: Int = 1,
        minRequests: Int64 = 10, groupBy: [String] = [], filters: [String: String] = [:], severity: AlertSeverity = .warning,
        labels: [String: String] = [:], quietHours: QuietHours? = nil, runbook: String? = nil, enabled: Bool = true,
        category: String? = nil, factor: Double = 3, lookbackSeconds: Int64? = nil, metric: AnomalyMetric? = nil
    ) {
        self.metric = metric
        self.name = name
        self.kind = kind
        self.measure = measure
        self.op = op
        self.warning = warning
        self.critical = critical
        self.windowSeconds = windowSeconds
        self.forEvaluations = forEvaluations
        self.minRequests = minRequests
        self.groupBy = groupBy
        self.filters = filters
        self.severity = severity
        self.labels = labels
        self.quietHours = quietHours
        self.runbook = runbook
        self.enabled = enabled
        self.category = category
        self.factor = factor
        self.lookbackSeconds = lookbackSeconds ?? (kind == .newFailureMode ? 7 * 86_400 : kind == .anomaly ? AnomalyQuery.defaultLookbackSeconds : 3_600)
    }

    /// The dimensions the rule groups by, as the analytics name them.
    public var groupDimensions: [TelemetryDimension] { groupBy.map(TelemetryDimension.init) }

    /// The rule's filters, as the analytics take them.
    public var filterDimensions: [TelemetryDimension: String] {
        Dictionary(uniqueKeysWithValues: filters.map { (TelemetryDimension($0.key), $0.value) })
    }

    /// The level a value reaches: critical before warning; nil when it breaches neither.
    public func level(of value: Double) -> AlertSeverity? {
        if let critical, op.breaches(value, critical) { return .critical }
        if let warning, op.breaches(value, warning) { return .warning }
        return nil
    }

    /// The threshold of a level, for messages.
    public func threshold(for level: AlertSeverity) -> Double? {
        level == .critical ? critical : warning
    }

    /// Checks that the rule can be evaluated, naming the rule and the field when it cannot.
    public func validate() throws(AlertRuleError) {
        func fail(_ field: String, _ reason: String) -> AlertRuleError { .invalid("rule '\(name)' \(field)", reason) }
        guard !name.isEmpty, name.count <= 200 else { throw .invalid("name", "every rule needs a name of at most 200 characters") }
        guard windowSeconds >= 60 else { throw fail("window", "must be at least 1m: rollups are per minute") }
        guard forEvaluations >= 1, forEvaluations <= 1_000 else { throw fail("for", "must be from 1 to 1000 evaluations") }
        guard minRequests >= 0 else { throw fail("min_requests", "must not be negative") }
        try quietHours?.validate()
        switch kind {
        case .threshold:
            guard measure != nil else {
                throw fail("measure", "a threshold rule needs one of \(AlertMeasure.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard warning != nil || critical != nil else { throw fail("warning", "a threshold rule needs a warning or a critical threshold") }
        case .errorSpike:
            guard let category, ErrorCategory(rawValue: category) != nil else {
                throw fail("category", "an error spike watches one of \(ErrorCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard warning != nil || critical != nil else { throw fail("warning", "an error spike needs a count of failures to reach") }
            guard factor >= 1 else { throw fail("factor", "must be at least 1") }
        case .newFailureMode, .noData:
            guard lookbackSeconds > windowSeconds else { throw fail("lookback", "must be longer than the window") }
        case .anomaly:
            guard metric != nil else {
                throw fail("metric", "an anomaly rule watches one of \(AnomalyMetric.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard groupBy.count <= 1 else { throw fail("group_by", "an anomaly rule watches the totals or one dimension's values") }
            guard lookbackSeconds >= windowSeconds else { throw fail("lookback", "must be at least the window") }
        case .budget:
            break
        }
    }
}
