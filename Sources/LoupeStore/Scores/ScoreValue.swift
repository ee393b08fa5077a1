/// What a score says: a number (on an optional scale), yes or no, or a category.
public enum ScoreValue: Sendable, Hashable {
    case numeric(Double)
    case boolean(Bool)
    case categorical(String)

    /// The kind's name in the API and the store.
    public var kind: String {
        switch self {
        case .numeric: "numeric"
        case .boolean: "boolean"
        case .categorical: "categorical"
        }
    }

    /// The value as a number where one is meaningful: the number, or 1 and 0 for yes and no.
    public var number: Double? {
        switch self {
        case .numeric(let value): value
        case .boolean(let value): value ? 1 : 0
        case .categorical: nil
        }
    }
}
