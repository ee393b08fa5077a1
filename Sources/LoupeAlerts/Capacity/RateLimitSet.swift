import LoupeAnalytics

/// The provider rate limits a user configures per model (`--rate-limits FILE`), read from YAML or JSON:
/// `rate_limits: [{model: gpt-4o, tpm: 30000, rpm: 500}]`.
public enum RateLimitSet {
    private struct File: Decodable {
        var rateLimits: [RateLimit]?

        enum CodingKeys: String, CodingKey {
            case rateLimits = "rate_limits"
        }
    }

    public static func load(text: String) throws(AlertRuleError) -> [RateLimit] {
        let file = try YAMLFile.decode(File.self, from: text)
        let limits = file.rateLimits ?? []
        for limit in limits {
            if let problem = limit.problem { throw .invalid("rate limit '\(limit.model)'", problem) }
        }
        return limits
    }
}
