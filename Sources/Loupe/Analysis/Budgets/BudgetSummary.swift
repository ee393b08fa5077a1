/// How one budgeted operation kept to its budget over one window.
public struct BudgetSummary: Sendable, Hashable {
    public var operation: String
    public var window: AnalysisWindow
    public var budgetMs: Double
    public var calls: Int
    public var violations: Int
    /// The largest overage in the window, in milliseconds; 0 without violations.
    public var worstOverageMs: Double
    /// The largest overage as a share of the budget; 0 without violations.
    public var worstOverageRatio: Double

    public init(
        operation: String, window: AnalysisWindow, budgetMs: Double, calls: Int, violations: Int,
        worstOverageMs: Double, worstOverageRatio: Double
    ) {
        self.operation = operation
        self.window = window
        self.budgetMs = budgetMs
        self.calls = calls
        self.violations = violations
        self.worstOverageMs = worstOverageMs
        self.worstOverageRatio = worstOverageRatio
    }

    /// The share of calls over budget, 0...1.
    public var overBudgetShare: Double {
        calls == 0 ? 0 : Double(violations) / Double(calls)
    }

    var measurements: [String: Double] {
        [
            MeasurementKey.count: Double(calls), MeasurementKey.violationCount: Double(violations),
            MeasurementKey.overBudgetShare: overBudgetShare, MeasurementKey.budgetMs: budgetMs,
            MeasurementKey.worstOverageMs: worstOverageMs, MeasurementKey.worstOverageRatio: worstOverageRatio,
            MeasurementKey.windowSeconds: window.seconds,
        ]
    }

    var metadata: [String: AttributeValue] {
        var metadata = window.metadata
        metadata[LoupeAttributes.analysisOperation] = .string(operation)
        return metadata
    }
}
