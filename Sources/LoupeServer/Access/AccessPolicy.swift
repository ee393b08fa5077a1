import HTTPTypes
import LoupeStore

/// Which scope each route needs. Anything not listed needs `read`, so a new route is closed until
/// someone decides otherwise.
public struct AccessPolicy: Sendable {
    public enum Requirement: Sendable, Hashable {
        /// No key: health checks, logging in and out, and the dashboard's static assets.
        case open
        case scope(AccessScope)
    }

    /// Whether `/metrics` needs a read key (`--metrics-auth`); Prometheus then sends one as a bearer token.
    public var metricsNeedKey: Bool

    public init(metricsNeedKey: Bool = false) {
        self.metricsNeedKey = metricsNeedKey
    }

    /// The reads a key of one project may make: routes that take a `project` filter and apply it to
    /// everything they answer, which ``AccessMiddleware`` sets to the key's project. Every other
    /// route refuses such a key: the alerts page (alerts and their rules cover every project),
    /// capacity, budgets, status, the audit trail and the server's metrics (under `--metrics-auth`;
    /// without it `/metrics` is open) among them.
    static let projectScopedReads: Set<String> = [
        "/api/v1/summary", "/api/v1/timeseries", "/api/v1/traces", "/api/v1/errors", "/api/v1/breakdown", "/api/v1/health/models",
        "/api/v1/anomalies", "/api/v1/forecast", "/api/v1/recommendations", "/api/v1/experiments", "/api/v1/compare",
        "/api/v1/quality", "/api/v1/scores", "/api/v1/engagement", "/api/v1/retrieval", "/api/v1/roi",
        "/ui", "/ui/traces", "/ui/errors", "/ui/anomalies", "/ui/recommendations", "/ui/experiments", "/ui/time", "/ui/cost",
        "/ui/models", "/ui/heatmap", "/ui/users", "/ui/business",
    ]

    /// Routes of one named item whose answer is narrowed by `project`: an experiment's report, a
    /// trace (its spans of that project only) and its page.
    static let projectScopedItems = ["/api/v1/experiments/", "/api/v1/traces/", "/ui/traces/"]

    /// The path as the router reads it: empty segments (`//`, a trailing `/`) dropped. Every
    /// decision about a request is made on this form, so no spelling of a path the router accepts
    /// reaches a route under another route's rules.
    public static func canonical(_ path: String) -> String {
        "/" + path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }

    /// Whether a key of one project may make this request (with its `project` set to the key's).
    public func allowsOneProject(_ method: HTTPRequest.Method, path: String) -> Bool {
        guard method == .get || method == .head else { return false }
        let path = Self.canonical(path)
        if Self.projectScopedReads.contains(path) { return true }
        // The item's name or id is the only thing after the prefix.
        return Self.projectScopedItems.contains { path.hasPrefix($0) && !path.dropFirst($0.count).contains("/") }
    }

    public func requirement(_ method: HTTPRequest.Method, path: String) -> Requirement {
        let path = Self.canonical(path)
        switch path {
        // Logging out only ends a session, so it needs none (an expired one included).
        case "/health", "/", "/ui/login", "/ui/logout": return .open
        case "/metrics": return metricsNeedKey ? .scope(.read) : .open
        default: break
        }
        if path.hasPrefix("/ui/assets/") { return .open }
        if path.hasPrefix("/v1/") { return .scope(.ingest) }
        // Feedback is sent by the application, beside its telemetry.
        if path == "/api/v1/scores", method == .post { return .scope(.ingest) }
        if path.hasPrefix("/api/v1/keys") || path.hasPrefix("/api/v1/audit") { return .scope(.admin) }
        // Everything stored about one person, in one answer.
        if path.hasPrefix("/api/v1/users/"), path.hasSuffix("/export") { return .scope(.admin) }
        if path.hasPrefix("/api/"), method != .get, method != .head {
            // Acknowledging, silencing and resolving an alert is the on-call's work, not an administrator's.
            if path.hasPrefix("/api/v1/alerts/"), !path.hasPrefix("/api/v1/alerts/rules") { return .scope(.read) }
            return .scope(.admin)
        }
        return .scope(.read)
    }
}
