import HTTPTypes
import Hummingbird
import LoupeStore

/// Writes to the audit trail what no handler writes itself, after it succeeded: every read of
/// stored content (a trace's spans through the API or the dashboard, and scores, whose comments are
/// people's words) and every change made through the API or the dashboard (rules, budgets, alerts
/// acknowledged, silenced or resolved). Who, what, when and from where; never the content. Keys,
/// users and retention audit themselves, with what they did.
struct ActionAudit: RouterMiddleware {
    typealias Context = LoupeRequestContext
    let store: any TelemetryStore
    let now: @Sendable () -> Int64

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        guard (200..<400).contains(response.status.code),
            let (action, target) = Self.action(request.method, path: AccessPolicy.canonical(request.uri.path))
        else { return response }
        _ = try await store.appendAudit([AuditRecord(
            atNanos: now(), actor: context.actor, action: action, target: target, client: context.clientAddress
        )])
        return response
    }

    /// The action and its target a request amounts to, or nil when it is neither a content read
    /// nor a change this middleware records. `path` is canonical (``AccessPolicy/canonical(_:)``).
    static func action(_ method: HTTPRequest.Method, path: String) -> (String, String)? {
        let parts = path.split(separator: "/").map(String.init)
        if method == .get || method == .head {
            if parts.count == 4, parts[0...2] == ["api", "v1", "traces"] { return ("content.read", "trace \(parts[3])") }
            if parts.count == 3, parts[0...1] == ["ui", "traces"] { return ("content.read", "trace \(parts[2])") }
            return path == "/api/v1/scores" ? ("content.read", "scores") : nil
        }
        // The dashboard's buttons: /ui/alerts/{id}/{action}.
        if parts.count == 4, parts[0...1] == ["ui", "alerts"] { return ("alert.\(parts[3])", "alert \(parts[2])") }
        // Ingest, logging in and out.
        guard parts.count >= 3, parts[0...1] == ["api", "v1"] else { return nil }
        switch parts[2] {
        case "keys", "users", "retention", "scores": return nil  // they audit themselves, or are telemetry
        case "alerts" where parts.count >= 4 && parts[3] == "rules": return ("rule.changed", path)
        case "alerts" where parts.count == 5: return ("alert.\(parts[4])", "alert \(parts[3])")
        case "budgets": return ("budget.changed", path)
        default: return ("api.\(method.rawValue.lowercased())", path)
        }
    }
}
