/// How a rule compares a measured value with its threshold.
public enum AlertOperator: String, Sendable, Hashable, Codable, CaseIterable {
    case greaterThan = ">"
    case greaterOrEqual = ">="
    case lessThan = "<"
    case lessOrEqual = "<="
    case equal = "=="
    case notEqual = "!="

    public func breaches(_ value: Double, _ threshold: Double) -> Bool {
        switch self {
        case .greaterThan: return value > threshold
        case .greaterOrEqual: return value >= threshold
        case .lessThan: return value < threshold
        case .lessOrEqual: return value <= threshold
        case .equal: return value == threshold
        case .notEqual: return value != threshold
        }
    }
}
