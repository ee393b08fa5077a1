import LoupeAnalytics

/// What a page renders from: the analytics, its query and where to point people with no data.
struct PageContext: Sendable {
    var analytics: TelemetryAnalytics
    var query: DashboardQuery
    var templates: DashboardTemplates
    /// The OTLP/HTTP endpoint empty states tell people to export to.
    var otlpEndpoint: String
}
