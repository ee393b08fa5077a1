import LoupeAnalytics
import LoupeCore

/// The file and API form: snake_case keys, durations as text (`5m`, `1h`), defaults for what is left out.
extension AlertRule: Codable {
    enum CodingKeys: String, CodingKey {
        case name, kind, measure, metric, op, warning, critical, window, labels, runbook, enabled, category, factor, lookback, severity, filters
        case forEvaluations = "for"
        case minRequests = "min_requests"
        case groupBy = "group_by"
        case quietHours = "quiet_hours"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .name)
        func duration(_ key: CodingKeys) throws -> Int64? {
            guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let seconds = DurationText.seconds(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "rule '\(name)': '\(text)' is not a duration like 5m or 1h")
            }
            return seconds
        }
        /// A field naming one of a fixed set (a measure, a metric), refused with the names it takes.
        func named<T>(_ key: CodingKeys, _ names: [String], _ parse: (String) -> T?) throws -> T? {
            guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let parsed = parse(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c, debugDescription: "rule '\(name)': '\(text)' is not one of \(names.joined(separator: ", "))")
            }
            return parsed
        }
        let measure = try named(.measure, AlertMeasure.allCases.map(\.rawValue)) { AlertMeasure(name: $0) }
        let metric = try named(.metric, AnomalyMetric.allCases.map(\.rawValue)) { AnomalyMetric(rawValue: $0) }
        let kind = try c.decodeIfPresent(AlertRuleKind.self, forKey: .kind) ?? .threshold
        self.init(
            name: name, kind: kind, measure: measure, op: try c.decodeIfPresent(AlertOperator.self, forKey: .op) ?? .greaterThan,
            warning: try c.decodeIfPresent(Double.self, forKey: .warning), critical: try c.decodeIfPresent(Double.self, forKey: .critical),
            windowSeconds: try duration(.window) ?? 300, forEvaluations: try c.decodeIfPresent(Int.self, forKey: .forEvaluations) ?? 1,
            minRequests: try c.decodeIfPresent(Int64.self, forKey: .minRequests) ?? 10,
            groupBy: try c.decodeIfPresent([String].self, forKey: .groupBy) ?? [],
            filters: try c.decodeIfPresent([String: String].self, forKey: .filters) ?? [:],
            severity: try c.decodeIfPresent(AlertSeverity.self, forKey: .severity) ?? .warning,
            labels: try c.decodeIfPresent([String: String].self, forKey: .labels) ?? [:],
            quietHours: try c.decodeIfPresent(QuietHours.self, forKey: .quietHours),
            runbook: try c.decodeIfPresent(String.self, forKey: .runbook), enabled: try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? true,
            category: try c.decodeIfPresent(String.self, forKey: .category), factor: try c.decodeIfPresent(Double.self, forKey: .factor) ?? 3,
            lookbackSeconds: try duration(.lookback), metric: metric
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(measure, forKey: .measure)
        try c.encodeIfPresent(metric, forKey: .metric)
        try c.encode(op, forKey: .op)
        try c.encodeIfPresent(warning, forKey: .warning)
        try c.encodeIfPresent(critical, forKey: .critical)
        try c.encode("\(windowSeconds / 60)m", forKey: .window)
        try c.encode(forEvaluations, forKey: .forEvaluations)
        try c.encode(minRequests, forKey: .minRequests)
        try c.encode(groupBy, forKey: .groupBy)
        try c.encode(filters, forKey: .filters)
        try c.encode(severity, forKey: .severity)
        try c.encode(labels, forKey: .labels)
        try c.encodeIfPresent(quietHours, forKey: .quietHours)
        try c.encodeIfPresent(runbook, forKey: .runbook)
        try c.encode(enabled, forKey: .enabled)
        try c.encodeIfPresent(category, forKey: .category)
        if kind == .errorSpike { try c.encode(factor, forKey: .factor) }
        if kind == .newFailureMode || kind == .noData || kind == .anomaly { try c.encode("\(lookbackSeconds / 60)m", forKey: .lookback) }
    }
}
