/// The pages in the top bar, in order. A new page is a case here, a page type and a route.
public enum DashboardSection: String, Sendable, CaseIterable {
    case overview
    case traces
    case time
    case errors
    case anomalies
    case recommendations
    case experiments
    case cost
    case models
    case heatmap
    case users
    case business
    case alerts

    public var label: String {
        switch self {
        case .overview: return "Overview"
        case .traces: return "Traces"
        case .time: return "Where the time goes"
        case .cost: return "Cost"
        case .models: return "Models"
        case .heatmap: return "Heatmap"
        case .users: return "Users"
        case .business: return "Business"
        case .errors: return "Errors"
        case .anomalies: return "Anomalies"
        case .recommendations: return "Recommendations"
        case .experiments: return "Experiments"
        case .alerts: return "Alerts"
        }
    }

    public var path: String {
        switch self {
        case .overview: return "/ui/"
        case .traces: return "/ui/traces"
        case .time: return "/ui/time"
        case .cost: return "/ui/cost"
        case .models: return "/ui/models"
        case .heatmap: return "/ui/heatmap"
        case .users: return "/ui/users"
        case .business: return "/ui/business"
        case .errors: return "/ui/errors"
        case .anomalies: return "/ui/anomalies"
        case .recommendations: return "/ui/recommendations"
        case .experiments: return "/ui/experiments"
        case .alerts: return "/ui/alerts"
        }
    }
}
