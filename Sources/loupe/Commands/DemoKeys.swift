import LoupeServer
import LoupeStore

/// The demo's own API keys, fresh on every run (the last run's are revoked, their texts being
/// gone): an ingest key its simulated services send with, and an admin key to log in with.
struct DemoKeys: Sendable {
    static let trafficName = "demo traffic"
    static let dashboardName = "demo dashboard"

    var ingest: String
    var dashboard: String

    static func make(store: any TelemetryStore) async throws -> DemoKeys {
        let keys = AccessKeys(store: store, now: LoupeApplication.wallClockNanos)
        for key in try await keys.list() where !key.isRevoked && [trafficName, dashboardName].contains(key.name) {
            _ = try await keys.revoke(id: key.id, actor: "loupe")
        }
        let ingest = try await keys.create(name: trafficName, scope: .ingest, project: "acme", actor: "loupe")
        let dashboard = try await keys.create(name: dashboardName, scope: .admin, project: nil, actor: "loupe")
        return DemoKeys(ingest: ingest.text, dashboard: dashboard.text)
    }
}
