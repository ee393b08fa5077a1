/// A page request the dashboard cannot answer: the server shows it as a 4xx page with the message.
public enum DashboardError: Error, Sendable, Hashable, CustomStringConvertible {
    case badParameter(String, String)
    case notFound(String)

    public var description: String {
        switch self {
        case .badParameter(let name, let why): return "\(name): \(why)"
        case .notFound(let what): return what
        }
    }
}
