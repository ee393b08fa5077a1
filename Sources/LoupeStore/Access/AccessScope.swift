/// What an API key may do. Each key has one scope; `admin` may do everything the others may.
public enum AccessScope: String, Sendable, Hashable, CaseIterable, Codable {
    /// Send telemetry: OTLP and scores. Nothing can be read with it, so it is the key to put in
    /// every service's exporter configuration.
    case ingest
    /// Read through the API and the dashboard.
    case read
    /// Everything, plus keys, rules, budgets, retention, erasure and the audit trail.
    case admin

    /// Whether a key of this scope may do what `needed` allows.
    public func allows(_ needed: AccessScope) -> Bool {
        self == .admin || self == needed
    }
}
