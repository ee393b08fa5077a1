import LoupeAnalytics

/// The running server's budgets: the file's, then what the API changed. Alert rules of kind
/// `budget` and the budgets API read the same book.
public actor BudgetBook {
    public private(set) var current: BudgetSet
    private let dimensions: [String]

    /// `dimensions` are the names a budget's filters may use.
    public init(_ set: BudgetSet, dimensions: [String]) {
        self.current = set
        self.dimensions = dimensions
    }

    public var budgets: [Budget] { current.budgets }

    public func upsert(_ budget: Budget) throws(AlertRuleError) { try current.upsert(budget, dimensions: dimensions) }

    public func remove(_ name: String) -> Bool { current.remove(name) }
}
