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

    public func requirement(_ method: HTTPRequest.Method, path: String) -> Requirement {
        let path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
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
