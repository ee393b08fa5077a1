/// How urgent an alert is; channels and routes choose by it.
public enum AlertSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case info
    case warning
    case critical

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .critical: return 2
        }
    }

    public static func < (a: AlertSeverity, b: AlertSeverity) -> Bool { a.rank < b.rank }
}
