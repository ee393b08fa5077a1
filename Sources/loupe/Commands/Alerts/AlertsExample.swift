import ArgumentParser

struct AlertsExample: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "example", abstract: "Print a commented rules file to start from.")

    static let text = """
        # Loupe alert rules. Give this file to `loupe serve --alerts alerts.yaml`.
        # The built-in rules stay on (defaults: true); a rule with the name of a built-in one replaces
        # it, and `enabled: false` turns it off.
        defaults: true
        rules:
          # p95 latency of chat calls, per model: warning above 1.5 s, critical above 3 s, for two
          # evaluations in a row, and only with at least 20 calls in the window.
          - name: chat_latency
            measure: latency_p95_ms
            op: ">"
            warning: 1500
            critical: 3000
            window: 5m
            for: 2
            min_requests: 20
            group_by: [model]
            filters: {operation: llm}
            labels: {team: search}
            runbook: https://wiki.example.com/runbooks/chat-latency
            quiet_hours: {start: "22:00", end: "07:00", timezone: Europe/Paris}
          # Rate limits: at least 10 in five minutes and three times their usual rate.
          - name: rate_limit_spike
            kind: error_spike
            category: rate_limit
            warning: 10
            critical: 50
            factor: 3
          # A failure mode never seen in the last seven days.
          - name: new_failure_mode
            kind: new_failure_mode
            severity: warning
            lookback: 7d
          # A service that sent spans in the last hour and none in the last ten minutes.
          - name: service_silent
            kind: no_data
            window: 10m
            lookback: 1h
            severity: critical
          # Cost per minute of a model out of its usual range (robust seasonal baseline), critical from severity 10.
          - name: cost_anomaly
            kind: anomaly
            metric: cost_usd        # or requests, errors, error_rate, latency_p95, tokens_per_request, ttft_p95
            group_by: [model]
            warning: 4.5
            critical: 10
          # Every budget of --budgets: critical when exceeded, warning when projected to exceed or 80% spent.
          - name: budgets
            kind: budget
          # Turn a built-in rule off.
          - name: token_utilisation
            measure: token_utilisation
            warning: 0.9
            enabled: false
        channels:
          - name: oncall
            type: webhook          # JSON, signed: X-Loupe-Signature: sha256=HMAC(secret, "<X-Loupe-Timestamp>.<body>")
            url: https://hooks.example.com/loupe
            secret: change-me
            min_severity: warning
          - name: team-search
            type: slack            # a Slack-compatible incoming webhook
            url: https://hooks.slack.com/services/T000/B000/XXXX
            match: {team: search}
          - name: pager
            type: pagerduty        # Events API v2
            routing_key: your-integration-key
            min_severity: critical
        """

    func run() {
        print(Self.text)
    }
}
