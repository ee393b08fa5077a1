import Hummingbird
import LoupeStore

/// Writes a `content.read` entry to the audit trail for every successful read of stored content:
/// a trace's spans (prompts, completions, tool calls) through the API or the dashboard, and scores
/// (whose comments are people's words). Who, what, when and from where; never the content.
struct ContentReadAudit: RouterMiddleware {
    typealias Context = LoupeRequestContext
    let store: any TelemetryStore
    let now: @Sendable () -> Int64

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        guard request.method == .get, (200..<300).contains(response.status.code), let target = Self.content(request.uri.path) else {
            return response
        }
        _ = try await store.appendAudit([AuditRecord(
            atNanos: now(), actor: context.actor, action: "content.read", target: target, client: context.clientAddress
        )])
        return response
    }

    /// What content a path reads (`trace 4bf92f35…`), or nil when it reads none.
    static func content(_ path: String) -> String? {
        for prefix in ["/api/v1/traces/", "/ui/traces/"] where path.hasPrefix(prefix) {
            let id = path.dropFirst(prefix.count)
            if !id.isEmpty, !id.contains("/") { return "trace \(id)" }
        }
        return path == "/api/v1/scores" ? "scores" : nil
    }
}
