import Foundation

/// The rules and channels in force: the built-in rules (unless turned off), overridden by name and
/// extended by the rules file.
public struct AlertRuleSet: Sendable, Hashable {
    public var rules: [AlertRule]
    public var channels: [AlertChannelConfig]

    public init(rules: [AlertRule] = AlertRuleSet.builtIn, channels: [AlertChannelConfig] = []) {
        self.rules = rules
        self.channels = channels
    }

    /// Seed 000's thresholds, each the warning level, with a critical level well past it; per
    /// service (token utilisation per model), over five minutes, from ten requests.
    public static let builtIn: [AlertRule] = [
        AlertRule(
            name: "latency_p95", measure: .latencyP95, op: .greaterThan, warning: 2_000, critical: 5_000, groupBy: ["service"],
            runbook: "Open the service's 'Where the time goes' page: the slowest stage is the place to start."
        ),
        AlertRule(
            name: "success_rate", measure: .successRate, op: .lessThan, warning: 0.95, critical: 0.80, groupBy: ["service"],
            runbook: "Open the errors page for the service: the top failure mode carries its remediation."
        ),
        AlertRule(
            name: "cost_per_query", measure: .costPerRequest, op: .greaterThan, warning: 0.01, critical: 0.05, groupBy: ["service"],
            runbook: "Open the cost page by model for the service: a costlier model or longer prompts usually explain it."
        ),
        AlertRule(
            name: "error_rate", measure: .errorRate, op: .greaterThan, warning: 0.05, critical: 0.20, groupBy: ["service"],
            runbook: "Open the errors page for the service: the top failure mode carries its remediation."
        ),
        AlertRule(
            name: "token_utilisation", measure: .tokenUtilisation, op: .greaterThan, warning: 0.90, critical: 0.98, groupBy: ["model"],
            runbook: "Calls send nearly the model's whole context window: trim retrieved context or move to a model with a larger one."
        ),
    ]

    /// The file's form:
    ///
    /// ```yaml
    /// defaults: true        # keep the built-in rules (a rule of the same name replaces one)
    /// rules:
    ///   - name: chat_latency
    ///     measure: latency_p95_ms
    ///     op: ">"
    ///     warning: 1500
    ///     critical: 3000
    ///     window: 5m
    ///     for: 2
    ///     group_by: [model]
    /// channels:
    ///   - name: oncall
    ///     type: webhook
    ///     url: https://hooks.example.com/loupe
    ///     secret: s3cret
    ///     min_severity: warning
    /// ```
    struct File: Codable {
        var defaults: Bool?
        var rules: [AlertRule]?
        var channels: [AlertChannelConfig]?
    }

    /// Reads a rules file, YAML or JSON (JSON is YAML), and checks every rule and channel.
    public static func load(text: String) throws -> AlertRuleSet {
        let file = try YAMLFile.decode(File.self, from: text)
        var set = AlertRuleSet(rules: file.defaults == false ? [] : builtIn, channels: file.channels ?? [])
        var seen = Set<String>()
        for rule in file.rules ?? [] {
            guard seen.insert(rule.name).inserted else { throw AlertRuleError.invalid("rule '\(rule.name)'", "two rules have this name") }
            try set.upsert(rule)
        }
        var channelNames = Set<String>()
        for channel in set.channels {
            guard channelNames.insert(channel.name).inserted else { throw AlertRuleError.invalid("channel '\(channel.name)'", "two channels have this name") }
            try channel.validate()
        }
        return set
    }

    /// Adds a rule, or replaces the one of the same name, after checking it.
    public mutating func upsert(_ rule: AlertRule) throws(AlertRuleError) {
        try rule.validate()
        if let index = rules.firstIndex(where: { $0.name == rule.name }) { rules[index] = rule } else { rules.append(rule) }
    }

    /// Removes a rule; false when there is none of that name.
    public mutating func remove(named name: String) -> Bool {
        guard let index = rules.firstIndex(where: { $0.name == name }) else { return false }
        rules.remove(at: index)
        return true
    }

    /// A decoding error as a sentence that names the field.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.reduce(into: "") { path, key in
                if let index = key.intValue { path += "[\(index)]" } else { path += (path.isEmpty ? "" : ".") + key.stringValue }
            }
            return keys.isEmpty ? "" : keys + ": "
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context))'\(key.stringValue)' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return path(context) + context.debugDescription
        case .dataCorrupted(let context): return path(context) + context.debugDescription
        @unknown default: return String(describing: error)
        }
    }
}
