import Foundation
import HTTPTypes
import NIOCore
import HummingbirdTesting
import LoupeAlerts
import LoupeOTLP
@testable import LoupeServer
import Testing

/// `/metrics` on a live server: GenAI metrics from what was ingested, and Loupe's own health.
struct MetricsRoutesTests {
    @Test func ingestedCallsAppearUnderTheGenAIMetricNames() async throws {
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, LiveServer.protobuf(ConventionFixtures.all)).status == .ok)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(decoding: response.body.readableBytesView, as: UTF8.self)
            let lines = text.split(separator: "\n").map(String.init)
            func value(_ prefix: String) -> Double? {
                lines.first { $0.hasPrefix(prefix) }.flatMap { $0.split(separator: " ").last.flatMap { Double($0) } }
            }
            #expect(text.contains("# TYPE gen_ai_client_operation_duration_seconds histogram"))
            #expect(text.contains("gen_ai_client_token_usage_bucket{"))
            #expect(text.contains(#"gen_ai_request_model="gpt-4o""#))
            #expect(value("loupe_ingest_spans_total ") == 7)
            #expect(value("loupe_ingest_requests_total ") == 1)
            // Labels are bounded: no user or trace id ever becomes a label.
            #expect(!text.contains("alice") && !text.contains(ConventionFixtures.otelTrace))
            #expect(text.contains(#"loupe_alerts{state="firing",severity="critical"} 0"#))
            // A second scrape moves counters by what happened in between, not again by the total.
            let again = try await client.execute(uri: "/metrics", method: .get)
            let second = String(decoding: again.body.readableBytesView, as: UTF8.self)
            #expect(second.split(separator: "\n").first { $0.hasPrefix("loupe_ingest_spans_total ") } == "loupe_ingest_spans_total 7")
        }
    }

    @Test func labelSetsBeyondTheBudgetFoldIntoOther() {
        let budget = LabelBudget(limit: 2)
        #expect(budget.admit([("model", "a")]).map(\.1) == ["a"])
        #expect(budget.admit([("model", "b")]).map(\.1) == ["b"])
        #expect(budget.admit([("model", "c")]).map(\.1) == ["other"])
        #expect(budget.admit([("model", "a")]).map(\.1) == ["a"])
    }

    @Test func prometheusRulesCoverWhatMetricsCanSay() {
        let rules = AlertRuleSet().rules + [
            AlertRule(name: "chat_p95", measure: .latencyP95, critical: 3_000, groupBy: ["model"], filters: ["operation": "llm"]),
            AlertRule(name: "per_user", measure: .errorRate, warning: 0.1, groupBy: ["user"]),
        ]
        let yaml = PrometheusRuleExport.yaml(rules, intervalSeconds: 30)
        #expect(yaml.contains(#"alert: "chat_p95_critical""#))
        #expect(yaml.contains(#"gen_ai_client_operation_duration_seconds_bucket{gen_ai_operation_name=\"llm\"}[5m]"#))
        #expect(yaml.contains("sum by (gen_ai_request_model, le)"))
        #expect(!yaml.contains(#"alert: "per_user"#))
        #expect(yaml.contains("only Loupe evaluates them: token_utilisation (token_utilisation), per_user (error_rate)"))
    }

    @Test func theGrafanaDashboardIsImportableJSON() throws {
        let object = try JSONSerialization.jsonObject(with: try GrafanaDashboard.json()) as? [String: Any]
        let panels = object?["panels"] as? [[String: Any]] ?? []
        #expect(panels.count == 8)
        #expect(object?["schemaVersion"] as? Int == 39)
        #expect(panels.allSatisfy { ($0["targets"] as? [[String: Any]])?.isEmpty == false })
    }
}
