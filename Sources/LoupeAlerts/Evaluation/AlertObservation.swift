/// What one evaluation of a rule found for one group: its value and whether it breaches.
public struct AlertObservation: Sendable, Hashable {
    /// The group's dimension values (`service: rag-api`); empty for a rule without a group-by.
    public var key: [String: String]
    public var value: Double?
    /// The level reached; nil when the group is within bounds or has too little traffic to judge.
    public var level: AlertSeverity?
    /// Requests (or calls) behind the value.
    public var requests: Int64
    /// Why the level was reached, for a person ("p95 latency 2.41 s > 2.00 s over 5 min").
    public var detail: String

    public init(key: [String: String], value: Double?, level: AlertSeverity?, requests: Int64, detail: String) {
        self.key = key
        self.value = value
        self.level = level
        self.requests = requests
        self.detail = detail
    }
}
