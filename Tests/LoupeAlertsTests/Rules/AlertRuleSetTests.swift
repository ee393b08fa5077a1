import LoupeAlerts
import Testing

struct AlertRuleSetTests {
    @Test func theBuiltInRulesAreSeedZerosThresholds() throws {
        let rules = Dictionary(uniqueKeysWithValues: AlertRuleSet().rules.map { ($0.name, $0) })
        #expect(rules["latency_p95"]?.measure == .latencyP95 && rules["latency_p95"]?.warning == 2_000)
        #expect(rules["success_rate"]?.op == .lessThan && rules["success_rate"]?.warning == 0.95)
        #expect(rules["cost_per_query"]?.measure == .costPerRequest && rules["cost_per_query"]?.warning == 0.01)
        #expect(rules["error_rate"]?.warning == 0.05)
        #expect(rules["token_utilisation"]?.warning == 0.90)
        for rule in rules.values { try rule.validate() }
    }

    @Test func aFileAddsOverridesAndTurnsOffRules() throws {
        let set = try AlertRuleSet.load(text: """
            rules:
              - name: chat_latency
                measure: latency_p95_ms
                warning: 1500
                critical: 3000
                window: 10m
                for: 3
                group_by: [model]
                quiet_hours: {start: "22:00", end: "07:00", timezone: Europe/Paris}
              - name: error_rate
                measure: error_rate
                warning: 0.1
              - {name: token_utilization, measure: token_utilization, warning: 0.9, enabled: false}
            channels:
              - {name: oncall, type: webhook, url: "https://hooks.example.com/x", secret: s, min_severity: critical}
            """)
        let rules = Dictionary(uniqueKeysWithValues: set.rules.map { ($0.name, $0) })
        #expect(rules.count == 7)
        #expect(rules["chat_latency"]?.windowSeconds == 600 && rules["chat_latency"]?.forEvaluations == 3)
        #expect(rules["error_rate"]?.warning == 0.1 && rules["error_rate"]?.groupBy == [])
        #expect(rules["token_utilization"]?.measure == .tokenUtilisation && rules["token_utilization"]?.enabled == false)
        #expect(set.channels.first?.minSeverity == .critical)
        let none = try AlertRuleSet.load(text: #"{"defaults": false, "rules": [{"name": "slow", "measure": "latency_p99_ms", "critical": 9000}]}"#)
        #expect(none.rules.map(\.name) == ["slow"])
    }

    @Test(arguments: [
        ("rules: [{name: x, measure: nope, warning: 1}]", "rules[0].measure"),
        ("rules: [{name: x, measure: error_rate}]", "needs a warning or a critical threshold"),
        ("rules: [{name: x, kind: anomaly}]", "an anomaly rule watches one of"),
        ("rules: [{name: x, kind: anomaly, metric: vibes}]", "rules[0].metric"),
        ("rules: [{name: x, kind: anomaly, metric: cost_usd, group_by: [model, user]}]", "one dimension"),
        ("rules: [{name: x, kind: error_spike, warning: 3}]", "an error spike watches one of"),
        ("rules: [{name: x, measure: error_rate, warning: 1, window: 10s}]", "at least 1m"),
        ("rules: [{name: x, measure: error_rate, warning: 1, window: soon}]", "'soon' is not a duration"),
        ("rules: [{name: x, measure: error_rate, warning: 1, quiet_hours: {start: '25:00', end: '07:00'}}]", "quiet_hours.start"),
        ("rules: [{name: x, measure: error_rate, warning: 1, quiet_hours: {start: '22:00', end: '07:00', timezone: Mars/Base}}]", "time zone"),
        ("rules: [{name: x, measure: error_rate, warning: 1}, {name: x, measure: errors, warning: 1}]", "two rules have this name"),
        ("channels: [{name: c, type: webhook}]", "needs an http(s) URL"),
        ("channels: [{name: c, type: pagerduty}]", "routing key"),
        ("rules: {name: x}", "rules"),
        ("- a list, not rules", "cannot be read"),
        ("rules: [{name: x, measure: error_rate, warning: 1}\n  bad: [", "cannot be read"),
    ])
    func badRulesAreRefusedWithTheFieldAndTheReason(text: String, expected: String) {
        #expect {
            _ = try AlertRuleSet.load(text: text)
        } throws: { error in
            String(describing: error).contains(expected)
        }
    }

    @Test func rulesRoundTripThroughJSONAsTheAPIShowsThem() throws {
        let rule = AlertRule(name: "chat", measure: .latencyP95, warning: 1_500, windowSeconds: 600, forEvaluations: 2, groupBy: ["model"])
        let data = try JSONEncoder().encode(rule)
        #expect(try JSONDecoder().decode(AlertRule.self, from: data) == rule)
    }
}

import Foundation
