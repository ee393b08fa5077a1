/// One entry of the alert history the store keeps: a state change, an acknowledgement, a silence,
/// or a notification's delivery.
public struct AlertEvent: Sendable, Hashable {
    public var atNanos: Int64
    public var alertId: String
    public var rule: String
    /// The alert's group (`service: rag-api`).
    public var key: [String: String]
    /// `pending`, `firing`, `escalated`, `resolved`, `acknowledged`, `silenced`, `delivered`,
    /// `delivery_failed`, `suppressed`, `deferred`.
    public var event: String
    public var severity: String
    public var value: Double?
    public var detail: String

    public init(
        atNanos: Int64, alertId: String, rule: String, key: [String: String], event: String, severity: String, value: Double?, detail: String
    ) {
        self.atNanos = atNanos
        self.alertId = alertId
        self.rule = rule
        self.key = key
        self.event = event
        self.severity = severity
        self.value = value
        self.detail = detail
    }
}
