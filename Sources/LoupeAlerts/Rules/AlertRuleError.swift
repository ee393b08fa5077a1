/// A rules file or rule that cannot be used, with the field and the reason.
public enum AlertRuleError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String, String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .invalid(let field, let reason): return "\(field): \(reason)"
        case .unreadable(let reason): return "the rules cannot be read: \(reason)"
        }
    }
}
