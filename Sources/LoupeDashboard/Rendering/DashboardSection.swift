/// The pages in the top bar, in order. A new page is a case here, a page type and a route.
public enum DashboardSection: String, Sendable, CaseIterable {
    case overview
    case traces
    case errors

    public var label: String {
        switch self {
        case .overview: return "Overview"
        case .traces: return "Traces"
        case .errors: return "Errors"
        }
    }

    public var path: String {
        switch self {
        case .overview: return "/ui/"
        case .traces: return "/ui/traces"
        case .errors: return "/ui/errors"
        }
    }
}
