/// Where notifications go, and which of them: a channel takes the alerts at or above its minimum
/// severity whose labels match all of its `match` pairs.
public struct AlertChannelConfig: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// JSON, signed with HMAC-SHA256 when a secret is set.
        case webhook
        /// A Slack-compatible incoming webhook (`text` and blocks).
        case slack
        /// PagerDuty Events API v2.
        case pagerduty
        /// One log line per notification.
        case log
    }

    public var name: String
    public var type: Kind
    public var url: String?
    public var secret: String?
    /// PagerDuty's integration key.
    public var routingKey: String?
    public var minSeverity: AlertSeverity
    public var match: [String: String]

    public init(
        name: String, type: Kind, url: String? = nil, secret: String? = nil, routingKey: String? = nil,
        minSeverity: AlertSeverity = .info, match: [String: String] = [:]
    ) {
        self.name = name
        self.type = type
        self.url = url
        self.secret = secret
        self.routingKey = routingKey
        self.minSeverity = minSeverity
        self.match = match
    }

    enum CodingKeys: String, CodingKey {
        case name, type, url, secret, match
        case routingKey = "routing_key"
        case minSeverity = "min_severity"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), type: try c.decode(Kind.self, forKey: .type),
            url: try c.decodeIfPresent(String.self, forKey: .url), secret: try c.decodeIfPresent(String.self, forKey: .secret),
            routingKey: try c.decodeIfPresent(String.self, forKey: .routingKey),
            minSeverity: try c.decodeIfPresent(AlertSeverity.self, forKey: .minSeverity) ?? .info,
            match: try c.decodeIfPresent([String: String].self, forKey: .match) ?? [:]
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(url, forKey: .url)
        // The secret and the routing key never leave the server.
        try c.encode(minSeverity, forKey: .minSeverity)
        try c.encode(match, forKey: .match)
    }

    /// Whether this channel takes an alert of this severity and these labels.
    public func routes(severity: AlertSeverity, labels: [String: String]) -> Bool {
        severity >= minSeverity && match.allSatisfy { labels[$0.key] == $0.value }
    }

    public func validate() throws(AlertRuleError) {
        switch type {
        case .webhook, .slack:
            guard let url, url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw .invalid("channel '\(name)' url", "a \(type.rawValue) channel needs an http(s) URL")
            }
        case .pagerduty:
            guard routingKey?.isEmpty == false else { throw .invalid("channel '\(name)' routing_key", "PagerDuty needs the integration's routing key") }
        case .log:
            break
        }
    }
}
