import Foundation

/// A Grafana dashboard over Loupe's `/metrics` (Grafana's dashboard JSON, schema 39, importable
/// with a Prometheus data source chosen at import): latency percentiles, error rate by model and
/// category, tokens, cost, ingest throttling and firing alerts.
public enum GrafanaDashboard {
    struct Panel {
        var title: String
        var unit: String
        var queries: [(expr: String, legend: String)]
        var description: String
    }

    static let panels: [Panel] = [
        Panel(title: "Request latency p50 / p95 / p99", unit: "s", queries: [0.5, 0.95, 0.99].map { q in
            ("histogram_quantile(\(q), sum by (le, service) (rate(loupe_genai_request_duration_seconds_bucket{project=~\"$project\", service=~\"$service\"}[$__rate_interval])))",
             "p\(Int(q * 100)) {{service}}")
        }, description: "Entry spans of each service: what users wait for."),
        Panel(title: "Model call latency p95 by model", unit: "s", queries: [
            ("histogram_quantile(0.95, sum by (le, gen_ai_request_model) (rate(gen_ai_client_operation_duration_seconds_bucket{project=~\"$project\", service=~\"$service\"}[$__rate_interval])))", "{{gen_ai_request_model}}"),
        ], description: "gen_ai.client.operation.duration"),
        Panel(title: "Error rate by model", unit: "percentunit", queries: [
            ("sum by (gen_ai_request_model) (rate(loupe_genai_errors_total{project=~\"$project\", service=~\"$service\"}[$__rate_interval])) / sum by (gen_ai_request_model) (rate(gen_ai_client_operation_duration_seconds_count{project=~\"$project\", service=~\"$service\"}[$__rate_interval]))", "{{gen_ai_request_model}}"),
        ], description: "Failed model calls over model calls."),
        Panel(title: "Errors by category", unit: "reqps", queries: [
            ("sum by (error_category) (rate(loupe_genai_errors_total{project=~\"$project\", service=~\"$service\"}[$__rate_interval]))", "{{error_category}}"),
        ], description: "Rate limits, timeouts, context overflows… per second."),
        Panel(title: "Tokens per second", unit: "short", queries: [
            ("sum by (gen_ai_token_type) (rate(gen_ai_client_token_usage_sum{project=~\"$project\", service=~\"$service\"}[$__rate_interval]))", "{{gen_ai_token_type}}"),
        ], description: "gen_ai.client.token.usage"),
        Panel(title: "Cost per hour by model", unit: "currencyUSD", queries: [
            ("sum by (gen_ai_request_model) (rate(loupe_genai_cost_usd_total{project=~\"$project\", service=~\"$service\"}[$__rate_interval])) * 3600", "{{gen_ai_request_model}}"),
        ], description: "Priced calls only: unpriced models are on Loupe's cost page."),
        Panel(title: "Ingest: spans accepted and requests refused", unit: "reqps", queries: [
            ("rate(loupe_ingest_spans_total[$__rate_interval])", "spans accepted"),
            ("sum by (reason) (rate(loupe_ingest_refused_requests_total[$__rate_interval]))", "refused: {{reason}}"),
        ], description: "Throttled requests were answered 429 with Retry-After."),
        Panel(title: "Firing alerts", unit: "short", queries: [
            ("sum by (severity) (loupe_alerts{state=\"firing\"})", "{{severity}}"),
        ], description: "Loupe's own alert rules; see its alerts page."),
    ]

    public static func json(title: String = "Loupe: GenAI pipelines") throws -> Data {
        var panels: [[String: Any]] = []
        for (index, panel) in Self.panels.enumerated() {
            panels.append([
                "id": index + 1, "type": "timeseries", "title": panel.title, "description": panel.description,
                "datasource": ["type": "prometheus", "uid": "${DS_PROMETHEUS}"],
                "gridPos": ["h": 8, "w": 12, "x": (index % 2) * 12, "y": (index / 2) * 8],
                "fieldConfig": ["defaults": ["unit": panel.unit, "custom": ["lineWidth": 1, "fillOpacity": 10]], "overrides": [] as [Any]],
                "options": ["legend": ["displayMode": "list", "placement": "bottom", "showLegend": true], "tooltip": ["mode": "multi", "sort": "desc"]],
                "targets": panel.queries.enumerated().map { i, query -> [String: Any] in
                    ["refId": String(UnicodeScalar(UInt8(65 + i))), "expr": query.expr, "legendFormat": query.legend,
                     "datasource": ["type": "prometheus", "uid": "${DS_PROMETHEUS}"]]
                },
            ])
        }
        func variable(_ name: String, _ label: String) -> [String: Any] {
            [
                "name": name, "label": label, "type": "query", "includeAll": true, "multi": true, "allValue": ".*",
                "current": ["text": "All", "value": "$__all"], "refresh": 2,
                "datasource": ["type": "prometheus", "uid": "${DS_PROMETHEUS}"],
                "query": ["query": "label_values(loupe_genai_requests_total, \(name))", "refId": "vars"],
                "definition": "label_values(loupe_genai_requests_total, \(name))",
            ]
        }
        let dashboard: [String: Any] = [
            "__inputs": [["name": "DS_PROMETHEUS", "label": "Prometheus", "type": "datasource", "pluginId": "prometheus", "pluginName": "Prometheus"]],
            "__requires": [
                ["type": "grafana", "id": "grafana", "name": "Grafana", "version": "10.0.0"],
                ["type": "datasource", "id": "prometheus", "name": "Prometheus", "version": "1.0.0"],
                ["type": "panel", "id": "timeseries", "name": "Time series", "version": ""],
            ],
            "title": title, "uid": "loupe-genai", "tags": ["loupe", "genai"], "timezone": "browser", "schemaVersion": 39,
            "version": 1, "editable": true, "refresh": "30s", "time": ["from": "now-6h", "to": "now"],
            "templating": ["list": [variable("project", "Project"), variable("service", "Service")]],
            "annotations": ["list": [] as [Any]], "panels": panels,
        ]
        return try JSONSerialization.data(withJSONObject: dashboard, options: [.prettyPrinted, .sortedKeys])
    }
}
