/// What every channel is told when an alert fires, escalates or resolves: the alert, and for a
/// firing one the diagnostics to start the investigation with (seed 000: "log detailed diagnostics").
public struct AlertNotification: Sendable, Hashable, Codable {
    public struct Alert: Sendable, Hashable, Codable {
        public var id: String
        public var rule: String
        public var kind: String
        public var severity: AlertSeverity
        public var key: [String: String]
        public var labels: [String: String]
        public var measure: String?
        public var op: String?
        public var threshold: Double?
        public var value: Double?
        public var detail: String
        public var windowSeconds: Int64
        public var startedAt: String
        public var firedAt: String?
        public var resolvedAt: String?
        public var runbook: String?

        enum CodingKeys: String, CodingKey {
            case id, rule, kind, severity, key, labels, measure, op, threshold, value, detail, runbook
            case windowSeconds = "window_seconds"
            case startedAt = "started_at"
            case firedAt = "fired_at"
            case resolvedAt = "resolved_at"
        }
    }

    /// `firing`, `escalated` or `resolved`.
    public var status: String
    /// One line for a person: what breached, where, by how much.
    public var summary: String
    public var alert: Alert
    /// Present on firing and escalated notifications.
    public var diagnostics: AlertDiagnostics?
    public var dashboardURL: String
    public var sentAt: String

    enum CodingKeys: String, CodingKey {
        case status, summary, alert, diagnostics
        case dashboardURL = "dashboard_url"
        case sentAt = "sent_at"
    }
}
