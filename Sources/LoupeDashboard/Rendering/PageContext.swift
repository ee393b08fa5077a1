import LoupeAnalytics

/// What a page renders from: the analytics, its query and where to point people with no data.
struct PageContext: Sendable {
    var analytics: TelemetryAnalytics
    var query: DashboardQuery
    var templates: DashboardTemplates
    /// The OTLP/HTTP endpoint empty states tell people to export to.
    var otlpEndpoint: String
    /// The OTLP/gRPC receiver's address, nil when the server runs none.
    var otlpGRPC: String?
}
