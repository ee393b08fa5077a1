import LoupeAlerts

/// How `loupe serve` alerts: the rules and channels in force, how often they are evaluated, and
/// the address that notification links lead to.
public struct AlertConfiguration: Sendable {
    public var rules: AlertRuleSet
    public var intervalSeconds: Int64
    /// The dashboard's address as people reach it (behind a proxy, say); the listening address when nil.
    public var publicURL: String?
    public var enabled: Bool

    public init(rules: AlertRuleSet = AlertRuleSet(), intervalSeconds: Int64 = 30, publicURL: String? = nil, enabled: Bool = true) {
        self.rules = rules
        self.intervalSeconds = intervalSeconds
        self.publicURL = publicURL
        self.enabled = enabled
    }

    /// The zero-config path: every notification of the rules in force goes to this webhook.
    public mutating func addWebhook(url: String, secret: String?) throws(AlertRuleError) {
        let channel = AlertChannelConfig(name: "webhook-\(rules.channels.count + 1)", type: .webhook, url: url, secret: secret)
        try channel.validate()
        rules.channels.append(channel)
    }
}
