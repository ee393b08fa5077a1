/// Which projects an operation covers: one, or every project but some (those with rules of their own).
public enum ProjectSelection: Sendable, Hashable {
    case only(String)
    case allBut(Set<String>)

    public func contains(_ project: String) -> Bool {
        switch self {
        case .only(let one): return project == one
        case .allBut(let excluded): return !excluded.contains(project)
        }
    }
}
