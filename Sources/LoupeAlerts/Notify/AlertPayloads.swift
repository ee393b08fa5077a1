import Foundation

/// The bodies each kind of channel expects, from one notification.
public enum AlertPayloads {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// Loupe's own JSON: the notification as it is.
    public static func webhook(_ n: AlertNotification) throws -> Data {
        try encoder.encode(n)
    }

    /// A Slack incoming-webhook message: `text` for notifications and clients without blocks, and
    /// blocks with the diagnostics. Slack's mrkdwn needs `&`, `<` and `>` escaped.
    public static func slack(_ n: AlertNotification) throws -> Data {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        let icon = n.status == "resolved" ? ":white_check_mark:" : n.alert.severity == .critical ? ":rotating_light:" : ":warning:"
        var lines = ["\(icon) *\(escape(n.summary))*"]
        if let d = n.diagnostics {
            for mode in d.topFailureModes {
                lines.append("• \(mode.category) ×\(mode.count): \(escape(mode.message ?? "")) — _\(escape(mode.remediation))_")
            }
            if let stage = d.slowestStage { lines.append("• slowest stage: \(stage.stage) (\(Int((stage.share * 100).rounded()))% of the time)") }
            if !d.affectedModels.isEmpty { lines.append("• models: " + d.affectedModels.map { escape($0.name) }.joined(separator: ", ")) }
            if !d.affectedUsers.isEmpty { lines.append("• users: " + d.affectedUsers.map { escape($0.name) }.joined(separator: ", ")) }
        }
        if let runbook = n.alert.runbook { lines.append("Runbook: \(escape(runbook))") }
        lines.append("<\(n.dashboardURL)|Open in Loupe>")
        let text = lines.joined(separator: "\n")
        let body: [String: Any] = ["text": text, "blocks": [["type": "section", "text": ["type": "mrkdwn", "text": text]]]]
        return try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
    }

    /// A PagerDuty Events API v2 event: trigger on firing, resolve on resolution, deduplicated by the
    /// alert's id so PagerDuty keeps one incident per alert.
    public static func pagerDuty(_ n: AlertNotification, routingKey: String) throws -> Data {
        var body: [String: Any] = [
            "routing_key": routingKey,
            "event_action": n.status == "resolved" ? "resolve" : "trigger",
            "dedup_key": "loupe-\(n.alert.id)",
        ]
        if n.status != "resolved" {
            var details: [String: Any] = ["detail": n.alert.detail, "key": n.alert.key, "labels": n.alert.labels]
            if let d = n.diagnostics, let json = try? JSONSerialization.jsonObject(with: try encoder.encode(d)) { details["diagnostics"] = json }
            body["payload"] = [
                "summary": String(n.summary.prefix(1_024)), "source": "loupe",
                "severity": n.alert.severity == .critical ? "critical" : n.alert.severity == .warning ? "warning" : "info",
                "component": n.alert.key["service"] ?? n.alert.key["model"] ?? "loupe", "group": n.alert.rule,
                "custom_details": details,
            ]
            body["links"] = [["href": n.dashboardURL, "text": "Open in Loupe"]]
        }
        return try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
    }
}
